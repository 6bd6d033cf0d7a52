package dev.consentkit.core.consent;

import dev.consentkit.core.ConsentException;

/** An idempotency key was used again for a capture with different content. Nothing was recorded. */
public final class IdempotencyConflictException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param key the reused key
     */
    public IdempotencyConflictException(IdempotencyKey key) {
        super("idempotency key '" + key.value() + "' was already used for a different request");
    }
}
