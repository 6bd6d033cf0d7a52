package dev.consentkit.core.hold;

import dev.consentkit.core.ConsentException;
import java.util.UUID;

/** No legal hold has the given id. */
public final class UnknownLegalHoldException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param id the id asked for
     */
    public UnknownLegalHoldException(UUID id) {
        super("no legal hold has id " + id);
    }
}
