package dev.consentkit.spring.internal;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.consent.Decision;

/** Hears the decisions made through {@code ConsentChecks} (the metrics count them). Thread-safe. Not API. */
@FunctionalInterface
public interface DecisionObserver {
    /**
     * @param purpose the purpose checked
     * @param decision the decision
     */
    void decided(PurposeId purpose, Decision decision);
}
