package dev.consentkit.spring.app;

import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.spring.PrincipalResolver;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The test application: a booking system on JPA with ConsentKit, and — beside the JPA transaction
 * manager that {@code @Transactional} uses — a JDBC transaction manager on the same data source.
 */
@SpringBootApplication
public class BookingApplication {
    /** Who acts: staff, unless a test sets someone else. */
    public static final ThreadLocal<Principal> ACTING = ThreadLocal.withInitial(() -> BookingCatalog.STAFF);

    @Bean
    ProcessingCatalog catalog() {
        return BookingCatalog.catalog();
    }

    @Bean
    AccessPolicy accessPolicy(ProcessingCatalog catalog) {
        return BookingCatalog.policy(catalog);
    }

    @Bean
    ProtectedField phoneField() {
        return BookingCatalog.PHONE;
    }

    @Bean
    ProtectedField noteField() {
        return BookingCatalog.NOTE;
    }

    @Bean
    BlindIndex phoneIndex() {
        return BookingCatalog.PHONE_INDEX;
    }

    @Bean
    PrincipalResolver principals() {
        return ACTING::get;
    }

    @Bean
    @Primary
    JpaTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }

    @Bean
    DataSourceTransactionManager jdbcTransactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }
}
