package dev.consentkit.core.purpose;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The business that decides why and how the data is processed (the PII controller of a receipt).
 *
 * @param name legal name
 * @param contact how to reach whoever handles privacy questions (a role or a department)
 * @param email contact e-mail, if published
 * @param address postal address, if published
 * @param url web site, if any
 */
public record Controller(String name, String contact, Optional<String> email, Optional<String> address,
                         Optional<URI> url) {
    /**
     * @throws IllegalArgumentException if name or contact is blank
     */
    public Controller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
        if (name.isBlank() || contact.isBlank()) {
            throw new IllegalArgumentException("controller name and contact must not be blank");
        }
    }

    /**
     * @param name legal name
     * @param contact privacy contact
     * @return a controller with no optional details
     */
    public static Controller of(String name, String contact) {
        return new Controller(name, contact, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
