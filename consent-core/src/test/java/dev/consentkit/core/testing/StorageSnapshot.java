package dev.consentkit.core.testing;

import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a store holds, as its SPI shows it, read in one read-only unit of work: compare two
 * snapshots to prove that a failed unit of work changed nothing.
 *
 * <p>The suppression list is not in it: its port only answers whether given hashes are suppressed (the
 * kit audits every suppression in the same unit of work, so the audit part covers it).
 *
 * <p>Blind indexes are not in it: their port can only be asked about a known index value or subject,
 * so a test that writes them checks them with {@code find} itself.
 *
 * <p>Immutable.
 *
 * @param ledger every ledger entry, in sequence order
 * @param projection every projection state by scope
 * @param projectionRows how many projection rows the store holds (more than {@code projection.size()}
 *                       means a scope is stored twice)
 * @param audit every audit record of the chain, in sequence order
 * @param pending every audit entry not yet linked, lowest id first
 * @param checkpoints every audit checkpoint, oldest first
 * @param keys every wrapped data key, by subject reference, group and version
 */
public record StorageSnapshot(List<LedgerEntry> ledger, Map<ConsentScope, ConsentState> projection, int projectionRows,
                              List<AuditRecord> audit,
                              List<StoredAuditRow> pending, List<AuditCheckpoint> checkpoints,
                              List<WrappedKey> keys) {
    /** What an empty store shows. */
    public static final StorageSnapshot EMPTY =
            new StorageSnapshot(List.of(), Map.of(), 0, List.of(), List.of(), List.of(), List.of());

    /** Copies the collections. */
    public StorageSnapshot {
        ledger = List.copyOf(ledger);
        projection = Map.copyOf(projection);
        audit = List.copyOf(audit);
        pending = List.copyOf(pending);
        checkpoints = List.copyOf(checkpoints);
        keys = List.copyOf(keys);
    }

    /**
     * @param storage a store
     * @return what it holds now
     */
    public static StorageSnapshot of(ConsentStorage storage) {
        return storage.read(tx -> {
            List<StoredProjectionRow> rows = tx.projection().rowsOf(storedSubjects(tx));
            Map<ConsentScope, ConsentState> byScope = new HashMap<>();
            Set<List<String>> subjectPurposes = new LinkedHashSet<>();
            rows.forEach(r -> subjectPurposes.add(List.of(r.subjectId(), r.purposeId())));
            for (List<String> sp : subjectPurposes) {
                SubjectId subject = SubjectId.of(sp.get(0));
                Reads.states(tx, subject, PurposeId.of(sp.get(1))).forEach(s -> byScope.put(s.scope(), s));
            }
            return new StorageSnapshot(Reads.entries(tx, 0, Integer.MAX_VALUE), byScope, rows.size(),
                    tx.audit().read(1, Integer.MAX_VALUE).stream().map(AuditChain::parse).toList(),
                    tx.audit().pending(Integer.MAX_VALUE), AuditMark.checkpoints(tx.audit().marks()), allKeys(tx));
        });
    }

    /** Every subject with ledger or projection rows, paged through the two ports' subject lists. */
    private static List<String> storedSubjects(StorageTransaction tx) {
        List<String> subjects = new ArrayList<>();
        for (boolean orphans : new boolean[] {false, true}) {
            Optional<String> after = Optional.empty();
            while (true) {
                Optional<String> from = after;
                List<String> page = orphans ? tx.projection().orphans(from, 1000) : tx.ledger().subjects(from, 1000);
                subjects.addAll(page);
                if (page.size() < 1000) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        }
        return subjects;
    }

    /**
     * Every key, through the one port method that lists keys of all subjects: no key is wrapped under
     * two KEKs at once, so the keys not under one KEK id and those not under another are all keys.
     */
    private static List<WrappedKey> allKeys(StorageTransaction tx) {
        Map<Integer, WrappedKey> byId = new TreeMap<>();
        for (String kekId : List.of("snapshot-kek-a", "snapshot-kek-b")) {
            tx.port(KeyStore.class).ifPresent(keys -> keys.wrappedUnderOtherThan(kekId, Integer.MAX_VALUE)
                    .forEach(k -> byId.put(k.keyId(), k)));
        }
        return byId.values().stream().sorted(Comparator.comparing((WrappedKey k) -> k.subjectRef().value())
                .thenComparing(WrappedKey::group).thenComparingInt(WrappedKey::version)).toList();
    }

    /** @return the projection a replay of the whole ledger gives ({@link ConsentProjector#replay}) */
    public Map<ConsentScope, ConsentState> replayedLedger() {
        return ConsentProjector.replay(ledger);
    }
}
