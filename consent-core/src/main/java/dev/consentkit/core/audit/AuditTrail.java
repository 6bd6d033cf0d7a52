package dev.consentkit.core.audit;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The audit chain of a kit: verify it, checkpoint its head, read its records.
 *
 * <p>Thread-safe. Obtained from {@code ConsentKit.audit()}.
 */
public final class AuditTrail {
    private final ConsentStorage storage;
    private final AuditChain chain;
    private final Clock clock;

    /**
     * @param storage the kit's storage
     * @param chain the chain under the kit's audit key
     * @param clock the kit's clock
     */
    public AuditTrail(ConsentStorage storage, AuditChain chain, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies every link and every stored checkpoint.
     *
     * @return intact, or the first broken link
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    public AuditVerification verify() {
        return storage.read(tx -> chain.verify(tx.audit(), List.of()));
    }

    /**
     * Verifies every link, every stored checkpoint and {@code trusted}, a checkpoint the host kept
     * elsewhere (so a store whose checkpoints were deleted still reveals a cut tail).
     *
     * @param trusted a checkpoint from outside the store
     * @return intact, or the first broken link
     */
    public AuditVerification verify(AuditCheckpoint trusted) {
        Objects.requireNonNull(trusted, "trusted");
        return storage.read(tx -> chain.verify(tx.audit(), List.of(trusted)));
    }

    /**
     * Records the current head as a checkpoint and returns it, for the host to keep a copy.
     *
     * @return the checkpoint
     * @throws IllegalStateException if the chain is empty
     */
    public AuditCheckpoint checkpoint() {
        return storage.inTransaction(tx -> {
            AuditRecord head = tx.audit().head()
                    .orElseThrow(() -> new IllegalStateException("the audit chain is empty: nothing to checkpoint"));
            AuditCheckpoint c = new AuditCheckpoint(head.sequence(), head.link(),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            tx.audit().addCheckpoint(c);
            return c;
        });
    }

    /**
     * Links an event into the chain inside a unit of work that changes something else, so the change
     * and its audit record commit together (for modules built on the kit, such as field encryption).
     *
     * @param tx the unit of work
     * @param event the event; it names the subject only by its keyed reference
     * @return the appended record
     * @throws dev.consentkit.core.ConcurrentUpdateException if another writer appended first
     */
    public AuditRecord append(StorageTransaction tx, AuditEvent event) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(event, "event");
        AuditRecord record = chain.next(tx.audit().head(), event);
        tx.audit().append(record);
        return record;
    }

    /**
     * @param fromSequence first sequence wanted, from 1
     * @param limit at most this many, 1 to 10 000
     * @return the records
     * @throws IllegalArgumentException if the limit is out of range
     */
    public List<AuditRecord> records(long fromSequence, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000");
        }
        return storage.read(tx -> tx.audit().read(fromSequence, limit));
    }
}
