package dev.consentkit.examples.springbooking;

import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.spring.PrincipalResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The glue: what the auto-configuration cannot know. The catalogue, the access policy and the sealed
 * phone column as beans (consent-spring-boot builds the storage, the kit, field encryption and
 * {@code SealedFields} from them and from {@code consentkit.*} properties), who acts (Spring
 * Security's user, or the booking form itself), and the export and erasure service over the spa's
 * tables.
 */
@Configuration(proxyBeanMethods = false)
public class ConsentKitWiring {
    @Bean
    ProcessingCatalog catalog() {
        return HarbourCatalog.catalog();
    }

    @Bean
    AccessPolicy accessPolicy(ProcessingCatalog catalog) {
        return HarbourCatalog.policy(catalog);
    }

    @Bean
    ProtectedField phoneField() {
        return HarbourCatalog.PHONE;
    }

    @Bean
    PrincipalResolver principals() {
        return () -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
                return HarbourCatalog.BOOKING_FORM;
            }
            return Principal.of(user.getName(), user.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toArray(String[]::new));
        };
    }

    @Bean
    SubjectDataService subjectData(ConsentKit kit, FieldCrypto crypto, ClientData clients) {
        return SubjectDataService.builder(kit).protector(crypto).contributor(clients).build();
    }
}
