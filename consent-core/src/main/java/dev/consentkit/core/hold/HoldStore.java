package dev.consentkit.core.hold;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.SubjectId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Legal holds, placed and lifted (never deleted: a lifted hold stays as the record of why data was
 * kept). Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work and
 * not thread-safe. Every write in a read-only unit throws {@link IllegalStateException}. Arguments
 * must not be {@code null}.
 */
public interface HoldStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static HoldStore in(StorageTransaction tx) {
        return Ports.in(tx, HoldStore.class);
    }

    /**
     * Stores a new hold.
     *
     * @param hold the hold, active or lifted
     * @throws dev.consentkit.core.ConcurrentUpdateException if a hold with its id exists
     * @throws IllegalArgumentException if the store cannot keep its times exactly (see {@link dev.consentkit.core.spi.ConsentStorage})
     */
    void add(LegalHold hold);

    /**
     * @param id a hold id
     * @return the hold, active or lifted, if stored
     */
    Optional<LegalHold> find(UUID id);

    /**
     * Marks an active hold lifted.
     *
     * @param id the hold id
     * @param lifting who lifted it and when
     * @return whether an active hold with that id was lifted (false if unknown or lifted already;
     *         nothing is written then)
     */
    boolean lift(UUID id, LegalHold.Lifting lifting);

    /** @return every active hold, oldest placement first (then by id) */
    List<LegalHold> active();

    /**
     * @param subject a subject
     * @return the active holds that can cover the subject's data: those naming it and those naming
     *         no subject, oldest placement first (then by id)
     */
    List<LegalHold> activeFor(SubjectId subject);
}
