package dev.consentkit.core;

/**
 * Root of every exception ConsentKit throws at run time.
 *
 * <p>Unchecked. Messages name ids, field names and limits, never a personal value or key material.
 * Caller mistakes made while building configuration ({@code builder().build()}) use the JDK's
 * {@link IllegalArgumentException}, {@link IllegalStateException} and {@link NullPointerException}.
 */
public class ConsentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, without personal data
     */
    public ConsentException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, without personal data
     * @param cause the underlying failure, may be {@code null}
     */
    public ConsentException(String message, Throwable cause) {
        super(message, cause);
    }
}
