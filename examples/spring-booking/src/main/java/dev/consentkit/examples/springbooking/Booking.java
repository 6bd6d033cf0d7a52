package dev.consentkit.examples.springbooking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An appointment: one client in one slot. The database keeps a slot to one booking (a unique
 * constraint), so a slot taken meanwhile fails the booking's transaction at its flush.
 *
 * <p>Not thread-safe (a JPA entity).
 */
@Entity
@Table(name = "booking")
public class Booking {
    @Id
    private UUID id = UUID.randomUUID();

    @Version
    private Long version;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false, unique = true)
    private LocalDateTime slot;

    /** For JPA. */
    protected Booking() {
    }

    /**
     * @param clientId the client
     * @param slot the appointment's start
     */
    public Booking(UUID clientId, LocalDateTime slot) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.slot = Objects.requireNonNull(slot, "slot");
    }

    /** @return the id, never null */
    public UUID getId() {
        return id;
    }

    /** @return the client's id, never null */
    public UUID getClientId() {
        return clientId;
    }

    /** @return the appointment's start, never null */
    public LocalDateTime getSlot() {
        return slot;
    }
}
