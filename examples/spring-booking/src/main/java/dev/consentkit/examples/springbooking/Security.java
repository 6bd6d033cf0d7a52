package dev.consentkit.examples.springbooking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see what: the booking form and the client's own page (behind its private link) are open;
 * the staff pages need a staff account. Two accounts: Olga (role {@code staff}, may read phone
 * numbers) and Ivan (role {@code intern}, may not). A real spa keeps its accounts in its directory.
 */
@Configuration(proxyBeanMethods = false)
public class Security {
    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/staff/**").authenticated().anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService staff(@Value("${harbour.staff.olga-password}") String olga,
                             @Value("${harbour.staff.ivan-password}") String ivan) {
        return new InMemoryUserDetailsManager(
                User.withUsername("olga").password("{noop}" + olga).roles(HarbourCatalog.STAFF_ROLE).build(),
                User.withUsername("ivan").password("{noop}" + ivan).roles(HarbourCatalog.INTERN_ROLE).build());
    }
}
