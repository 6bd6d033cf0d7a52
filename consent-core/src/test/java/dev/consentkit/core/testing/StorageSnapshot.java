package dev.consentkit.core.testing;

import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>Blind indexes are not in it: their port can only be asked about a known index value or subject,
 * so a test that writes them checks them with {@code find} itself.
 *
 * <p>Immutable.
 *
 * @param ledger every ledger entry, in sequence order
 * @param projection every projection state by scope
 * @param projectionRows how many states {@code forEach} gave (more than {@code projection.size()}
 *                       means a scope is stored twice)
 * @param suppression every suppression entry
 * @param audit every audit record of the chain, in sequence order
 * @param pending every audit entry not yet linked, lowest id first
 * @param checkpoints every audit checkpoint, oldest first
 * @param keys every wrapped data key, by subject reference, group and version
 */
public record StorageSnapshot(List<LedgerEntry> ledger, Map<ConsentScope, ConsentState> projection, int projectionRows,
                              Set<SuppressionEntry> suppression, List<AuditRecord> audit,
                              List<StoredAuditRow> pending, List<AuditCheckpoint> checkpoints,
                              List<WrappedKey> keys) {
    /** What an empty store shows. */
    public static final StorageSnapshot EMPTY =
            new StorageSnapshot(List.of(), Map.of(), 0, Set.of(), List.of(), List.of(), List.of(), List.of());

    /** Copies the collections. */
    public StorageSnapshot {
        ledger = List.copyOf(ledger);
        projection = Map.copyOf(projection);
        suppression = Set.copyOf(suppression);
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
            List<ConsentState> states = new ArrayList<>();
            tx.projection().forEach(states::add);
            Map<ConsentScope, ConsentState> byScope = new HashMap<>();
            states.forEach(s -> byScope.put(s.scope(), s));
            return new StorageSnapshot(tx.ledger().read(0, Integer.MAX_VALUE), byScope, states.size(),
                    Set.copyOf(tx.suppression().list()),
                    tx.audit().read(1, Integer.MAX_VALUE).stream().map(AuditChain::parse).toList(),
                    tx.audit().pending(Integer.MAX_VALUE), tx.audit().checkpoints(), allKeys(tx));
        });
    }

    /**
     * Every key, through the one port method that lists keys of all subjects: no key is wrapped under
     * two KEKs at once, so the keys not under one KEK id and those not under another are all keys.
     */
    private static List<WrappedKey> allKeys(StorageTransaction tx) {
        Map<Integer, WrappedKey> byId = new TreeMap<>();
        for (String kekId : List.of("snapshot-kek-a", "snapshot-kek-b")) {
            KeyStore.in(tx).wrappedUnderOtherThan(kekId, Integer.MAX_VALUE).forEach(k -> byId.put(k.keyId(), k));
        }
        return byId.values().stream().sorted(Comparator.comparing((WrappedKey k) -> k.subjectRef().value())
                .thenComparing(WrappedKey::group).thenComparingInt(WrappedKey::version)).toList();
    }

    /** @return the projection a replay of the whole ledger gives ({@link ConsentProjector#replay}) */
    public Map<ConsentScope, ConsentState> replayedLedger() {
        return ConsentProjector.replay(ledger);
    }
}
