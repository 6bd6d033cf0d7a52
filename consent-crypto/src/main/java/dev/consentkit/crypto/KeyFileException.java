package dev.consentkit.crypto;

import dev.consentkit.core.ConsentException;

/**
 * A passphrase-sealed {@link KeyFile} could not be used. Either the passphrase is wrong or the file is
 * damaged — deliberately indistinguishable, with message exactly {@value #WRONG_PASSPHRASE_OR_DAMAGED}
 * and no cause — or the file could not be read or written (the message names the file, the cause is the
 * I/O failure). A caller asking a person for the passphrase catches this to ask again.
 */
public final class KeyFileException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /** The message for a wrong passphrase or a damaged file. */
    public static final String WRONG_PASSPHRASE_OR_DAMAGED = "wrong passphrase or damaged key file";

    KeyFileException() {
        super(WRONG_PASSPHRASE_OR_DAMAGED);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
