package dev.consentkit.core.purpose;

import java.util.Objects;
import java.util.Optional;

/**
 * The person responsible for personal-data processing (GDPR Art. 37-39 data protection officer;
 * 152-FZ Art. 18.1 and 22.1 responsible person), as published in the privacy policy.
 *
 * @param name the person's name or role
 * @param email contact e-mail, if published
 * @param phone contact phone, if published
 */
public record DataProtectionOfficer(String name, Optional<String> email, Optional<String> phone) {
    /**
     * @throws IllegalArgumentException if the name or a given contact is blank
     */
    public DataProtectionOfficer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        if (name.isBlank() || email.map(String::isBlank).orElse(false) || phone.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("data protection officer name and contacts must not be blank");
        }
    }

    /**
     * @param name name or role
     * @param email contact e-mail
     * @return the officer
     */
    public static DataProtectionOfficer of(String name, String email) {
        return new DataProtectionOfficer(name, Optional.of(email), Optional.empty());
    }
}
