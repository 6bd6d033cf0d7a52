package dev.consentkit.core.jurisdiction;

import java.util.Objects;
import java.util.Optional;

/**
 * How long a controller has to answer one type of request, and by how much it may extend that with
 * a reasoned notice.
 *
 * @param answerWithin the period from receipt
 * @param extension the further period allowed with a reasoned notice, if any
 * @param source the legal source, e.g. {@code "GDPR Art. 12(3)"}
 */
public record RequestDeadline(LegalPeriod answerWithin, Optional<LegalPeriod> extension, String source) {
    /** Checks for nulls. */
    public RequestDeadline {
        Objects.requireNonNull(answerWithin, "answerWithin");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(source, "source");
    }
}
