package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.List;

/**
 * The host's stored values of an indexed field for one subject, for
 * {@link FieldCrypto#findConfirmed}: ConsentKit knows the subjects a blind index holds, the host knows
 * the rows. E.g. {@code SELECT id, phone FROM client WHERE subject_id = ?}, each row as
 * {@code new SealedValue("client", "phone", id, phone)}. Implementations must be thread-safe if
 * searches run concurrently.
 */
@FunctionalInterface
public interface CandidateValues {
    /**
     * @param subject a candidate the index returned
     * @return the subject's sealed values of the index's field, one per row, each naming the table,
     *     column and row it was sealed for; empty if the subject has none (any more)
     */
    List<SealedValue> of(SubjectId subject);
}
