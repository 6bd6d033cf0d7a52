package dev.consentkit.crypto;

import dev.consentkit.core.ConsentException;

/**
 * A passphrase-sealed {@link KeyFile} could not be used. Either the passphrase is wrong or the file is
 * damaged — deliberately indistinguishable, with message exactly {@value #WRONG_PASSPHRASE_OR_DAMAGED}
 * and no cause — or the file could not be read or written (the message names the file, the cause is the
 * I/O failure), or the file opened but is not the one the kit's database has seen: an earlier
 * generation, or one lacking a master key that data keys are still wrapped under (the message says
 * which; {@link FieldCrypto.Builder#build()} throws it). A caller asking a person for the passphrase
 * catches this to ask again.
 */
public final class KeyFileException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /** The message for a wrong passphrase or a damaged file. */
    public static final String WRONG_PASSPHRASE_OR_DAMAGED = "wrong passphrase or damaged key file";

    KeyFileException() {
        super(WRONG_PASSPHRASE_OR_DAMAGED);
    }

    KeyFileException(String message) {
        super(message);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
