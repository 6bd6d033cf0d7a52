package dev.consentkit.core.access;

/**
 * What a principal wants to do with a protected field; each is checked by field encryption
 * ({@code consent-crypto}'s {@code FieldCrypto}) against the category the field is declared with.
 *
 * <p>There is no "erase" action: erasing a subject is not a role's privilege over a data category
 * but what the law makes the controller do — an identity-verified erasure request, a withdrawal, the
 * end of a retention period — and the paths that carry those out ({@code SubjectDataService},
 * {@code RetentionEngine}) decide it and audit who did it.
 */
public enum AccessAction {
    /** Decrypt and read a value ({@code FieldCrypto.open}). */
    READ,
    /** Encrypt a value for storage, or record it in a blind index ({@code FieldCrypto.seal}, {@code index}). */
    WRITE,
    /** Look a subject up by a blind index ({@code FieldCrypto.find}). */
    SEARCH
}
