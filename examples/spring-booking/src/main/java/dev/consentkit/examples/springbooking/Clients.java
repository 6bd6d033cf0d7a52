package dev.consentkit.examples.springbooking;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The clients (Spring Data). */
public interface Clients extends JpaRepository<Client, UUID> {
}
