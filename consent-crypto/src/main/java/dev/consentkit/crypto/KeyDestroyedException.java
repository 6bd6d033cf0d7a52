package dev.consentkit.crypto;

import dev.consentkit.core.ConsentException;

/**
 * The value was encrypted under a key that no longer exists: the subject (or the key's purpose
 * group) was crypto-shredded. Every copy of the value, backups included, is beyond use.
 */
public final class KeyDestroyedException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the field read
     */
    public KeyDestroyedException(ProtectedField field) {
        super("the key of this " + field + " value was destroyed (crypto-shredded)");
    }
}
