package dev.consentkit.core.spi.protection;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.RequestId;
import java.util.Optional;
import java.util.Set;

/**
 * What field encryption gives the rest of the kit: the subject-request path opens a subject's own
 * values for an export to that subject, and the erasure and retention paths destroy a subject's keys
 * (crypto-shredding). {@code consent-crypto}'s {@code FieldCrypto} implements it.
 *
 * <p>Implementations audit every operation in the kit's audit chain and put no personal data in
 * messages or logs.
 */
public interface FieldProtector {
    /**
     * Opens a value for the answer to an access or portability request, for the subject the request is
     * about. No role or purpose check applies (the reader is the subject, whose identity was verified),
     * but the request must allow it ({@link dev.consentkit.core.rights.SubjectRequest#opensProtectedValues()}): the protector
     * looks the request up in the kit's own storage — never trusting the caller for its subject, type
     * or state — and opens only values sealed for that subject. The opening, and every refusal, is
     * audited with the request's id.
     *
     * @param request the request being answered
     * @param value the stored value and its cell; the table and column must be declared to the protector
     * @param actor who answers the request
     * @return the plaintext; or, if the key the value names was shredded (erased), the field's
     *         replacement value or empty
     * @throws dev.consentkit.core.rights.UnknownRequestException if the kit holds no such request
     * @throws dev.consentkit.core.rights.IneligibleRequestException if the request is not an identity-verified, open ACCESS or
     *                                    PORTABILITY request
     * @throws IllegalArgumentException if the table and column are not a declared protected field
     * @throws RuntimeException the protector's decryption failure if the value was changed or moved, was
     *                          sealed for another version of the cell, or names a key that is neither
     *                          the subject's nor a shredded one (another subject's value, a damaged key
     *                          id: never taken for an erased value)
     */
    Optional<String> openForRequest(RequestId request, SealedValue value, Actor actor);

    /**
     * Destroys the subject's data keys in the named groups (every group if empty), evicts them from
     * every cache, removes the subject's blind-index entries of those groups in the same unit of work
     * (every entry when every group goes), and audits it. Shredding a subject with no keys left
     * destroys nothing and still returns a receipt.
     *
     * @param subject the subject
     * @param groups the key groups; empty for all
     * @param actor who erases
     * @return a receipt without personal data
     */
    ErasureReceipt shred(SubjectId subject, Set<KeyGroup> groups, Actor actor);

    /** @return what this protector encrypts and how; no key material */
    ProtectionProfile describe();
}
