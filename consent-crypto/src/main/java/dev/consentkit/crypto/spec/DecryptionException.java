package dev.consentkit.crypto.spec;

import dev.consentkit.core.ConsentException;

/**
 * A sealed value could not be opened: it is malformed, was tampered with, was moved to another
 * table, column, row or subject, or was sealed under another key.
 *
 * <p>The message is always exactly {@value #MESSAGE} and ConsentKit never gives it a cause: which check
 * failed, and the provider's own wording ("Tag mismatch", "mac check in ChaCha20Poly1305 failed"), are
 * of no use to a caller who cannot do anything different about them, but would tell whoever reads the
 * host's logs or error pages which check to aim at next. The stack trace still shows the host's call
 * site.
 */
public final class DecryptionException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /** The only message this exception carries. */
    public static final String MESSAGE = "decryption failed";

    /** Creates the exception, with message {@value #MESSAGE} and no cause. */
    public DecryptionException() {
        super(MESSAGE);
    }
}
