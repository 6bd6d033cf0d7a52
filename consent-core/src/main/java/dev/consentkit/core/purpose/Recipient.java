package dev.consentkit.core.purpose;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone the data of a purpose is disclosed to: a processor (a mailing service), another controller
 * (a courier), or a public authority.
 *
 * @param name the organisation's name
 * @param role how it receives the data
 * @param country ISO 3166 alpha-2 code where it processes the data, if known
 */
public record Recipient(String name, Role role, Optional<String> country) {
    /** How a recipient stands to the controller. */
    public enum Role {
        /** Processes on the controller's instructions (GDPR Art. 28). */
        PROCESSOR,
        /** Decides its own purposes for the data it receives. */
        THIRD_PARTY,
        /** A public authority receiving data under law. */
        AUTHORITY
    }

    /**
     * @throws IllegalArgumentException if the name is blank or the country not two upper-case letters
     */
    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(country, "country");
        if (name.isBlank()) {
            throw new IllegalArgumentException("recipient name must not be blank");
        }
        country.ifPresent(c -> {
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("recipient country must be an ISO 3166 alpha-2 code");
            }
        });
    }

    /**
     * @param name the organisation's name
     * @param role how it receives the data
     * @return a recipient with no country declared
     */
    public static Recipient of(String name, Role role) {
        return new Recipient(name, role, Optional.empty());
    }
}
