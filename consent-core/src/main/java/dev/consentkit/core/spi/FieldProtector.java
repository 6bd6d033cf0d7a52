package dev.consentkit.core.spi;

import dev.consentkit.core.Actor;
import dev.consentkit.core.SubjectId;
import java.util.Optional;
import java.util.Set;

/**
 * What field encryption gives the rest of the kit: the subject-request and retention paths open a
 * subject's own values for an export to that subject, and destroy a subject's keys
 * (crypto-shredding). {@code consent-crypto}'s {@code FieldCrypto} implements it.
 *
 * <p>Implementations audit both operations in the kit's audit chain and put no personal data in
 * messages or logs.
 */
public interface FieldProtector {
    /**
     * Opens a value for an access or portability export to the subject it belongs to. No role or
     * purpose check applies (the reader is the subject, on a request whose identity check passed), but
     * the opening is audited like any other.
     *
     * @param subject whose value it is
     * @param value the stored value and its cell; the table and column must be declared to the protector
     * @param actor who runs the export
     * @return the plaintext, the field's replacement value, or empty if the key was destroyed and the
     *         field declares no replacement
     * @throws IllegalArgumentException if the table and column are not a declared protected field
     * @throws RuntimeException the protector's decryption failure if the value was changed or moved
     */
    Optional<String> openForSubject(SubjectId subject, SealedValue value, Actor actor);

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
    ErasureReceipt shred(SubjectId subject, Set<String> groups, Actor actor);

    /** @return what this protector encrypts and how; no key material */
    ProtectionProfile describe();
}
