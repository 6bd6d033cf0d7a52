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
 * @param agreement the reference of the agreement with it (the GDPR Art. 28(3) processing agreement
 *                  of a processor, a data-sharing contract, the law for an authority), if declared
 */
public record Recipient(String name, Role role, Optional<String> country, Optional<String> address,
                        Optional<String> agreement) {
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
     * @throws IllegalArgumentException if the name or address is blank, the agreement reference blank
     *                                  or longer than 200 characters, or the country not two upper-case letters
     */
    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(agreement, "agreement");
        if (name.isBlank() || address.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("recipient name and address must not be blank");
        }
        agreement.ifPresent(a -> {
            if (a.isBlank() || a.length() > 200) {
                throw new IllegalArgumentException("agreement reference must have 1 to 200 characters");
            }
        });
        country.ifPresent(c -> {
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("recipient country must be an ISO 3166 alpha-2 code");
            }
        });
    }

    /**
     * A recipient with neither address nor agreement reference declared.
     *
     * @param name the organisation's name
     * @param role how it receives the data
     * @param country ISO 3166 alpha-2 code where it processes the data, if known
     */
    public Recipient(String name, Role role, Optional<String> country) {
        this(name, role, country, Optional.empty(), Optional.empty());
    }

    /**
     * @param address its postal address
     * @return a copy with that address
     */
    public Recipient withAddress(String address) {
        return new Recipient(name, role, country, Optional.of(Objects.requireNonNull(address, "address")), agreement);
    }

    /**
     * @param reference the reference of the agreement with this recipient, e.g. {@code "DPA 2025-07"}
     * @return this recipient with that agreement reference
     */
    public Recipient withAgreement(String reference) {
        return new Recipient(name, role, country, address, Optional.of(Objects.requireNonNull(reference, "reference")));
    }

    /**
     * @param countryCode ISO 3166 alpha-2 code where it processes the data
     * @return this recipient in that country
     */
    public Recipient in(String countryCode) {
        return new Recipient(name, role, Optional.of(Objects.requireNonNull(countryCode, "countryCode")), address, agreement);
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
