package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.List;

/**
 * Where a {@link ReindexJob} gets the values it re-indexes: the host's own rows, which ConsentKit
 * does not know. The host implements it over its tables, e.g. for an index over
 * {@code client.email}: {@code SELECT id, email FROM client WHERE subject_id = ?}, returning
 * {@code new SealedValue("client", "email", id, email)}.
 *
 * <p>The job opens each value through {@link FieldCrypto#open} with its reader and purpose, so every
 * value read is checked and audited like any other opening. Implementations must be thread-safe if
 * runs may overlap.
 */
@FunctionalInterface
public interface ReindexSource {
    /**
     * @param subject a subject the index holds an older entry of
     * @return the subject's current sealed value of each part of the index, in the index's order (one
     *     for a {@link BlindIndex}), each naming the table, column and row it was sealed for; an empty
     *     list if the subject no longer has the value (its older entries are then removed)
     * @throws RuntimeException any failure: the run stops; batches committed before stay, and the next
     *     run carries on from the subjects still on an older version
     */
    List<SealedValue> values(SubjectId subject);
}
