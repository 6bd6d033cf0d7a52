package dev.consentkit.core.spi;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.consent.SuppressionEntry;
import java.util.Collection;
import java.util.Set;

/** The suppression list: keyed hashes of contact points, kept after erasure. */
public interface SuppressionStore {
    /**
     * @param entry the entry
     * @return whether it was new (an equal hash and purpose already listed gives {@code false})
     * @throws IllegalStateException if the unit is read-only
     */
    boolean add(SuppressionEntry entry);

    /**
     * @param hashes keyed hashes of contact points
     * @param purpose the purpose asked about
     * @return those hashes suppressed for that purpose or for every purpose
     */
    Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose);
}
