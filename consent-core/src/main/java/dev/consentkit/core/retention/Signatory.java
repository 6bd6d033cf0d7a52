package dev.consentkit.core.retention;

import java.util.Objects;

/**
 * The person responsible for destruction, as a destruction act names them (Order 179: full name and
 * position of who destroyed the data). A member of the operator's staff, never a data subject.
 *
 * @param name full name
 * @param position position held
 */
public record Signatory(String name, String position) {
    /**
     * @throws IllegalArgumentException if either is blank or longer than 200 characters
     */
    public Signatory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (name.isBlank() || position.isBlank() || name.length() > 200 || position.length() > 200) {
            throw new IllegalArgumentException("signatory name and position must have 1 to 200 characters");
        }
    }
}
