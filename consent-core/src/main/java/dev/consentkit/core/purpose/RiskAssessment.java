package dev.consentkit.core.purpose;

import java.util.List;
import java.util.Objects;

/**
 * The host's short assessment of the risk a purpose poses to the subjects, made before collecting
 * data or consent (the seed's "assess the risks"; 152-FZ Art. 18.1 part 1 harm assessment; the
 * screening step before a GDPR Art. 35 impact assessment). Shown in the register of processing.
 *
 * @param likelihood how likely harm to the subjects is
 * @param severity how severe it would be
 * @param mitigations what reduces it, in plain words; may be empty
 */
public record RiskAssessment(Level likelihood, Level severity, List<String> mitigations) {
    /** A coarse level. */
    public enum Level {
        /** Low. */
        LOW,
        /** Medium. */
        MEDIUM,
        /** High. */
        HIGH
    }

    /**
     * @throws IllegalArgumentException if a mitigation is blank or longer than 500 characters
     */
    public RiskAssessment {
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(severity, "severity");
        mitigations = List.copyOf(mitigations);
        for (String m : mitigations) {
            if (m.isBlank() || m.length() > 500) {
                throw new IllegalArgumentException("a mitigation must have 1 to 500 characters");
            }
        }
    }

    /**
     * @param likelihood how likely harm is
     * @param severity how severe it would be
     * @param mitigations what reduces it
     * @return the assessment
     */
    public static RiskAssessment of(Level likelihood, Level severity, String... mitigations) {
        return new RiskAssessment(likelihood, severity, List.of(mitigations));
    }
}
