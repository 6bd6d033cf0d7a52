package dev.consentkit.examples.mvstore;

import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;

/**
 * One unit of work: one MVStore transaction and the consent ports over its maps. It offers no feature
 * port ({@link StorageTransaction#port} keeps its default, empty). Valid only inside the storage call
 * that made it; not thread-safe.
 */
final class MvUnit implements StorageTransaction {
    // map names: the store's whole schema
    static final String LEDGER = "ledger";                    // sequence -> StoredLedgerRow
    static final String LEDGER_KEYS = "ledger.idempotency";   // idempotency key -> sequence
    static final String LEDGER_SUBJECTS = "ledger.subjects";  // subject \0 sequence -> sequence
    static final String PROJECTION = "projection";            // subject \0 purpose \0 channel \0 asset -> row
    static final String SUPPRESSION = "suppression";          // hash \0 purpose -> entry
    static final String AUDIT_PENDING = "audit.pending";      // entry id -> StoredAuditRow
    static final String AUDIT_CHAIN = "audit.chain";          // sequence -> StoredAuditRow
    static final String AUDIT_ENTRIES = "audit.entries";      // entry id -> sequence
    static final String AUDIT_CHECKPOINTS = "audit.checkpoints"; // position -> checkpoint
    static final String AUDIT_POINT = "audit.verified";       // "point" -> VerifiedPoint

    private final Transaction tx;
    private final boolean writable;
    private final AtomicLong lastEntryId;
    private boolean open = true;
    private MvLedger ledger;
    private MvProjection projection;
    private MvSuppression suppression;
    private MvAudit audit;

    MvUnit(Transaction tx, boolean writable, AtomicLong lastEntryId) {
        this.tx = tx;
        this.writable = writable;
        this.lastEntryId = lastEntryId;
    }

    boolean writable() {
        return writable;
    }

    void close() {
        open = false;
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the unit of work has ended");
        }
    }

    void checkWritable() {
        checkOpen();
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    <K, V> TransactionMap<K, V> map(String name) {
        checkOpen();
        return tx.openMap(name);
    }

    /** @return a new audit entry id, greater than every one given before (a rolled-back one is not reused) */
    long nextEntryId() {
        return lastEntryId.incrementAndGet();
    }

    /** @return the highest audit entry id stored, pending or linked (0 for none) */
    long lastEntryId() {
        TransactionMap<Long, Object[]> pending = map(AUDIT_PENDING);
        TransactionMap<Long, Long> entries = map(AUDIT_ENTRIES);
        long last = 0;
        if (!pending.isEmpty()) {
            last = pending.lastKey();
        }
        if (!entries.isEmpty()) {
            last = Math.max(last, entries.lastKey());
        }
        return last;
    }

    @Override
    public LedgerStore ledger() {
        if (ledger == null) {
            ledger = new MvLedger(this);
        }
        return ledger;
    }

    @Override
    public ProjectionStore projection() {
        if (projection == null) {
            projection = new MvProjection(this);
        }
        return projection;
    }

    @Override
    public SuppressionStore suppression() {
        if (suppression == null) {
            suppression = new MvSuppression(this);
        }
        return suppression;
    }

    @Override
    public AuditStore audit() {
        if (audit == null) {
            audit = new MvAudit(this);
        }
        return audit;
    }

    static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
