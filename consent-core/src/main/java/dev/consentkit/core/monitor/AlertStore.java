package dev.consentkit.core.monitor;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Monitoring alerts: added once, acknowledged once, never deleted (they are part of the evidence of
 * control over access, 152-FZ Art. 19 part 2).
 *
 * <p>Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work and not
 * thread-safe. Every write in a read-only unit throws {@link IllegalStateException}. Arguments must
 * not be {@code null}.
 */
public interface AlertStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static AlertStore in(StorageTransaction tx) {
        return Ports.in(tx, AlertStore.class);
    }

    /**
     * @param alert a new, unacknowledged alert
     * @throws IllegalArgumentException if it is already acknowledged, or a time has sub-microsecond precision
     * @throws dev.consentkit.core.ConcurrentUpdateException if an alert with its id exists
     */
    void add(MonitoringAlert alert);

    /**
     * @param id an alert id
     * @return the alert, with its acknowledgement if any
     */
    Optional<MonitoringAlert> find(UUID id);

    /**
     * Acknowledges an alert that is not acknowledged yet.
     *
     * @param id the alert id
     * @param ack who, when and what they found
     * @return whether it was acknowledged now (false if unknown or acknowledged before; nothing changes then)
     * @throws IllegalArgumentException if the time has sub-microsecond precision
     */
    boolean acknowledge(UUID id, Acknowledgement ack);

    /**
     * @param limit at most this many, positive
     * @return unacknowledged alerts, oldest first (by raise time, then id)
     * @throws IllegalArgumentException if the limit is not positive
     */
    List<MonitoringAlert> unacknowledged(int limit);

    /** @return how many alerts are not acknowledged */
    long countUnacknowledged();
}
