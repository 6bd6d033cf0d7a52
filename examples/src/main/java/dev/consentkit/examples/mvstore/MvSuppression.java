package dev.consentkit.examples.mvstore;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The suppression list of one unit, keyed hash and purpose (empty for every purpose). The entry's
 * {@code since} is stored with it; no port reads it back.
 */
final class MvSuppression implements SuppressionStore {
    private final MvUnit unit;

    MvSuppression(MvUnit unit) {
        this.unit = unit;
    }

    private TransactionMap<String, Object[]> entries() {
        return unit.map(MvUnit.SUPPRESSION);
    }

    @Override
    public boolean add(SuppressionEntry entry) {
        unit.checkWritable();
        Objects.requireNonNull(entry, "entry");
        Object[] row = Rows.suppression(entry);
        return entries().putIfAbsent(key(entry.hash(), entry.purpose().map(PurposeId::value).orElse("")), row) == null;
    }

    @Override
    public Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose) {
        Objects.requireNonNull(purpose, "purpose");
        TransactionMap<String, Object[]> entries = entries();
        Set<KeyedHash> found = new HashSet<>();
        for (KeyedHash hash : hashes) {
            if (entries.containsKey(key(hash, "")) || entries.containsKey(key(hash, purpose.value()))) {
                found.add(hash);
            }
        }
        return found;
    }

    private static String key(KeyedHash hash, String purpose) {
        return hash.value() + '\u0000' + purpose;
    }
}
