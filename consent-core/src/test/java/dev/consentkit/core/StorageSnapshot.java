package dev.consentkit.core;

import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.ConsentStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a storage holds, read in one unit of work, so a test can say "nothing was stored" by
 * comparing two snapshots with {@code equals}.
 *
 * @param ledger every ledger entry, lowest sequence first
 * @param projection every projection row by scope
 * @param suppression every suppression entry
 * @param audit every audit record, lowest sequence first
 * @param checkpoints every audit checkpoint
 */
record StorageSnapshot(List<LedgerEntry> ledger, Map<ConsentScope, ConsentState> projection,
                       List<SuppressionEntry> suppression, List<AuditRecord> audit,
                       List<AuditCheckpoint> checkpoints) {
    private static final int PAGE = 500;

    static StorageSnapshot of(ConsentStorage storage) {
        return storage.read(tx -> {
            List<LedgerEntry> ledger = new ArrayList<>();
            for (List<LedgerEntry> page = tx.ledger().read(0, PAGE); !page.isEmpty();
                 page = tx.ledger().read(page.get(page.size() - 1).sequence(), PAGE)) {
                ledger.addAll(page);
            }
            Map<ConsentScope, ConsentState> projection = new HashMap<>();
            tx.projection().forEach(s -> {
                if (projection.put(s.scope(), s) != null) {
                    throw new AssertionError("projection holds two rows for scope " + s.scope());
                }
            });
            List<AuditRecord> audit = new ArrayList<>();
            for (List<AuditRecord> page = tx.audit().read(1, PAGE); !page.isEmpty();
                 page = tx.audit().read(page.get(page.size() - 1).sequence() + 1, PAGE)) {
                audit.addAll(page);
            }
            return new StorageSnapshot(List.copyOf(ledger), Map.copyOf(projection), tx.suppression().list(),
                    List.copyOf(audit), tx.audit().checkpoints());
        });
    }
}
