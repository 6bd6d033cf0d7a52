package dev.consentkit.core;

/**
 * Another writer changed the same data first; the unit of work was rolled back and may be retried.
 *
 * <p>{@code ConsentKit} retries such conflicts a bounded number of times before letting this
 * exception reach the caller.
 */
public class ConcurrentUpdateException extends StorageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a conflict failure.
     *
     * @param message which store or key collided, without personal data
     * @param cause the driver's exception, may be {@code null}
     */
    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
