package dev.consentkit.spring;

import java.util.Objects;

/**
 * ConsentKit's configuration in a Spring application lacks or has a malformed setting; the message
 * names the property (never its value) and {@link #property()} returns it. Thrown at start-up.
 */
public final class ConsentKitConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String property;

    /**
     * @param property the property at fault, e.g. {@code consentkit.audit-key}
     * @param message what is wrong, naming the property and never its value
     */
    public ConsentKitConfigurationException(String property, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.property = Objects.requireNonNull(property, "property");
    }

    /** @return the property at fault */
    public String property() {
        return property;
    }
}
