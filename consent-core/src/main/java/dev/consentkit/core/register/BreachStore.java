package dev.consentkit.core.register;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The breach register: incidents (updatable, with optimistic revisions) and their notifications
 * (append-only). Nothing is ever deleted: every breach stays documented (GDPR Art. 33(5)).
 *
 * <p>Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work and
 * not thread-safe. Every write in a read-only unit ({@link dev.consentkit.core.spi.ConsentStorage#read}) throws
 * {@link IllegalStateException}. Times must be whole microseconds (see {@link dev.consentkit.core.spi.ConsentStorage}).
 * Arguments must not be {@code null}.
 */
public interface BreachStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static BreachStore in(StorageTransaction tx) {
        return Ports.in(tx, BreachStore.class);
    }

    /**
     * Stores a new incident with its deadlines.
     *
     * @param incident the incident, revision 1
     * @throws dev.consentkit.core.ConcurrentUpdateException if an incident with that id exists
     * @throws IllegalArgumentException if the revision is not 1
     */
    void add(BreachIncident incident);

    /**
     * Replaces an incident's details and update time; its id, times and deadlines never change.
     *
     * @param incident the incident with the stored revision plus one
     * @return false, writing nothing, if the incident is absent or its stored revision is not
     *         {@code incident.revision() - 1} (another writer updated it first)
     */
    boolean update(BreachIncident incident);

    /**
     * @param id an id
     * @return the incident, if recorded
     */
    Optional<BreachIncident> find(BreachId id);

    /** @return every incident, by awareness time, then id */
    List<BreachIncident> list();

    /**
     * Appends a notification.
     *
     * @param notification the notification; its breach must be stored
     * @throws dev.consentkit.core.ConcurrentUpdateException if one for the same breach, jurisdiction and
     *         clock exists
     * @throws IllegalArgumentException if the breach is not stored
     */
    void addNotification(BreachNotification notification);

    /**
     * @param id a breach
     * @return its notifications, by sending time, then jurisdiction and clock
     */
    List<BreachNotification> notifications(BreachId id);
}
