package dev.consentkit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConsentKitConfigurationException} at start-up into Spring Boot's failure report:
 * what is wrong (naming the property, never its value) and what to set.
 */
public final class ConsentKitConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConsentKitConfigurationException> {
    /** Made by Spring Boot. */
    public ConsentKitConfigurationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConsentKitConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.property() + " (environment variable "
                + Secrets.environmentName(cause.property()) + ") to a valid value; see docs/guide/spring.md.", cause);
    }
}
