package dev.consentkit.spring.app;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The clients. */
public interface ClientRepository extends JpaRepository<Client, UUID> {
}
