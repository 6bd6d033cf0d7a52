package dev.consentkit.core.consent;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyed hash of a contact point (e-mail, phone) that must not be used for a purpose, or for any
 * purpose. Kept after the subject is erased, so a re-created contact is still not mailed (Art. 21(3)).
 *
 * @param hash keyed hash of the normalised contact point
 * @param purpose the purpose it is suppressed for; empty for every purpose
 * @param since when it was added
 */
public record SuppressionEntry(KeyedHash hash, Optional<PurposeId> purpose, Instant since) {
    /** Checks for nulls. */
    public SuppressionEntry {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(since, "since");
    }
}
