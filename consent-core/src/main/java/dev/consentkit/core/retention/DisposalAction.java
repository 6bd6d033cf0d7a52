package dev.consentkit.core.retention;

/** How due personal data is disposed of; the act names the method in words. */
public enum DisposalAction {
    /** The host deletes the records. */
    DELETE("deletion"),
    /** The host replaces the personal values so the records no longer identify anyone. */
    ANONYMISE("anonymisation"),
    /** The subject's data keys of the category's key groups are destroyed (crypto-erasure). */
    CRYPTO_SHRED("crypto-erasure (destruction of the data keys)");

    private final String method;

    DisposalAction(String method) {
        this.method = method;
    }

    /** @return the method of destruction as a destruction act states it */
    public String method() {
        return method;
    }
}
