package dev.consentkit;

import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.spi.AuditStore;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the entries of reads go on their way to the store, in one of the two {@link ReadAuditMode}s:
 * {@link GroupCommitReads} (synchronous) or {@link WriteBehindReads}. Either writes at most one batch
 * at a time per kit, so read audits use at most one connection of the host's pool at any moment.
 * Implementations are thread-safe.
 */
sealed interface ReadAudits permits GroupCommitReads, WriteBehindReads {
    /**
     * @param mode the mode
     * @param writer writes a batch in one committed transaction of the kit's own (linking it into the
     *               chain) and returns its entries, in order; throws if nothing was written
     * @param afterBatch hears each committed batch (the audit listeners); must not throw
     * @return the read audits of a kit
     */
    static ReadAudits of(ReadAuditMode mode, Function<List<AuditStore.NewEntry>, List<AuditEntry>> writer,
                         Consumer<List<AuditEntry>> afterBatch) {
        if (mode instanceof ReadAuditMode.WriteBehind w) {
            return new WriteBehindReads(w, writer, afterBatch);
        }
        return new GroupCommitReads(writer, afterBatch);
    }

    /**
     * Records the entry of a read: committed when this returns ({@link GroupCommitReads}), or queued
     * ({@link WriteBehindReads}, which writes it here only when the queue is full or closed).
     *
     * @param entry the entry, MACed
     * @throws dev.consentkit.core.StorageException if it had to be written here and could not be: the
     *                                              caller must not hand out the value read
     */
    void record(AuditStore.NewEntry entry);

    /**
     * Writes every entry queued before the call and returns once they committed; on the thread that is
     * writing a batch (an audit listener), returns at once.
     *
     * @throws dev.consentkit.core.StorageException if a batch could not be written (its entries stay queued)
     */
    void flush();

    /**
     * Writes what is queued, stops the flusher thread, and makes every later {@link #record} write its
     * entry before it returns. Closing again only flushes.
     *
     * @throws dev.consentkit.core.StorageException if the queue could not be written (it stays queued)
     */
    void close();

    /** @return how many entries are queued or being written now (0 in synchronous mode between calls) */
    int queued();

    /** @return whether a flusher thread runs now (never in synchronous mode) */
    boolean flusherRunning();
}
