package dev.consentkit.core;

/**
 * A storage adapter failed; the unit of work was rolled back and nothing of it was stored.
 *
 * <p>Adapters wrap their driver's exception (for JDBC the {@code SQLException}, SQLState kept) as
 * the cause exactly once, at their boundary.
 */
public class StorageException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a storage failure.
     *
     * @param message what failed, naming tables or operations only
     * @param cause the driver's exception, may be {@code null}
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
