package dev.consentkit.core.spi;

import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

/**
 * The audit chain's records and checkpoints. Append-only: there is no update and no delete.
 */
public interface AuditStore {
    /** @return the record with the highest sequence, if any */
    Optional<AuditRecord> head();

    /**
     * @param record the next record; its sequence is the head's plus one
     * @throws dev.consentkit.core.ConcurrentUpdateException if another unit of work appended that
     *         sequence first
     */
    void append(AuditRecord record);

    /**
     * @param fromSequence first sequence wanted
     * @param limit at most this many, positive
     * @return records with sequence at least {@code fromSequence}, in sequence order
     */
    List<AuditRecord> read(long fromSequence, int limit);

    /**
     * @param checkpoint a checkpoint of the head
     */
    void addCheckpoint(AuditCheckpoint checkpoint);

    /** @return every checkpoint, oldest first */
    List<AuditCheckpoint> checkpoints();
}
