package dev.consentkit.examples.springbooking;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Harbour Spa booking application: Spring Boot, JPA, Thymeleaf, Spring Security, and ConsentKit
 * through {@code consent-spring-boot}. H2 in memory by default; {@code --spring.profiles.active=postgres}
 * for PostgreSQL (see the example's README).
 */
@SpringBootApplication
public class SpringBookingApplication {
    /** The clock of the application and of ConsentKit (the kit takes the one {@code Clock} bean). */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringBookingApplication.class, args);
    }
}
