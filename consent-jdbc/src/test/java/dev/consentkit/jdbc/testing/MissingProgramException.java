package dev.consentkit.jdbc.testing;

import java.util.Objects;
import org.opentest4j.TestAbortedException;

/**
 * A server program the harness needs is not installed. Never reaches a test as is: {@link
 * #outcome(boolean)} turns it into a skip, or into a failure on CI.
 */
final class MissingProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param engine the server that cannot be started
     * @param program the program not found, e.g. {@code mariadbd}
     * @param lookedIn where it was looked for, for the message
     */
    MissingProgramException(Engine engine, String program, String lookedIn) {
        super(engine.displayName() + " cannot be started: program '"
                + Objects.requireNonNull(program, "program") + "' not found in "
                + Objects.requireNonNull(lookedIn, "lookedIn") + "; install the Debian package '"
                + engine.debianPackage() + "' (apt-get install -y " + engine.debianPackage() + ")");
    }

    /**
     * @param onCi whether this run is CI's ({@code CI=true}), where every test must really run
     * @return the exception to throw: a failure on CI, a skip (JUnit assumption) elsewhere
     */
    RuntimeException outcome(boolean onCi) {
        if (onCi) {
            return new IllegalStateException(
                    "CI=true, so a missing database server fails the run: " + getMessage(), this);
        }
        return new TestAbortedException("Skipped: " + getMessage());
    }
}
