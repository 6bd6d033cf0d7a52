package dev.consentkit.examples.springbooking;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.spring.PrincipalResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The glue besides the catalogue's {@code @Bean}s and the entity: who acts (Spring Security's user with
 * their roles, or the booking form itself for an anonymous client), and the export and erasure service
 * over the spa's tables. consent-spring-boot builds everything else from {@code consentkit.*} properties.
 */
@Configuration(proxyBeanMethods = false)
public class ConsentKitWiring {
    @Bean
    PrincipalResolver principals() {
        return () -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            String[] roles = user == null ? new String[0] : user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_") && !a.equals("ROLE_ANONYMOUS")).map(a -> a.substring(5)).toArray(String[]::new);
            return roles.length == 0 ? HarbourCatalog.BOOKING_FORM : Principal.of(user.getName(), roles);
        };
    }

    /** Takes the FieldCrypto bean so that it is the kit's field protector before the service reads it. */
    @Bean
    SubjectDataService subjectData(ConsentKit kit, FieldCrypto crypto, ClientData clients) {
        return SubjectDataService.builder(kit).contributor(clients).build();
    }
}
