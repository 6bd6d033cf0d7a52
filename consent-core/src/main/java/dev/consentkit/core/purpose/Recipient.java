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
 * @param address its postal address, if declared (a written consent names a processor's address,
 *                152-FZ Art. 9 part 4 item 6)
 */
public record Recipient(String name, Role role, Optional<String> country, Optional<String> address) {
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
     * @throws IllegalArgumentException if the name or address is blank or the country not two upper-case letters
     */
    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(address, "address");
        if (name.isBlank() || address.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("recipient name and address must not be blank");
        }
        country.ifPresent(c -> {
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("recipient country must be an ISO 3166 alpha-2 code");
            }
        });
    }

    /**
     * A recipient without a declared address.
     *
     * @param name the organisation's name
     * @param role how it receives the data
     * @param country ISO 3166 alpha-2 code where it processes the data, if known
     */
    public Recipient(String name, Role role, Optional<String> country) {
        this(name, role, country, Optional.empty());
    }

    /**
     * @param address its postal address
     * @return a copy with that address
     */
    public Recipient withAddress(String address) {
        return new Recipient(name, role, country, Optional.of(Objects.requireNonNull(address, "address")));
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
