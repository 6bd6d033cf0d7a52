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
 * @param agreement the reference of the agreement with it (the GDPR Art. 28(3) processing agreement
 *                  of a processor, a data-sharing contract, the law for an authority), if declared
 */
public record Recipient(String name, Role role, Optional<String> country, Optional<String> agreement) {
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
        Objects.requireNonNull(agreement, "agreement");
        agreement.ifPresent(a -> {
            if (a.isBlank() || a.length() > 200) {
                throw new IllegalArgumentException("agreement reference must have 1 to 200 characters");
            }
        });
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
     * A recipient with no agreement reference declared.
     *
     * @param name the organisation's name
     * @param role how it receives the data
     * @param country where it processes the data, if known
     */
    public Recipient(String name, Role role, Optional<String> country) {
        this(name, role, country, Optional.empty());
    }

    /**
     * @param reference the reference of the agreement with this recipient, e.g. {@code "DPA 2025-07"}
     * @return this recipient with that agreement reference
     */
    public Recipient withAgreement(String reference) {
        return new Recipient(name, role, country, Optional.of(Objects.requireNonNull(reference, "reference")));
    }

    /**
     * @param countryCode ISO 3166 alpha-2 code where it processes the data
     * @return this recipient in that country
     */
    public Recipient in(String countryCode) {
        return new Recipient(name, role, Optional.of(Objects.requireNonNull(countryCode, "countryCode")), agreement);
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
