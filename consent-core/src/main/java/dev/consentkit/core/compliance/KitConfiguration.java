package dev.consentkit.core.compliance;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.LegalBasis;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.monitor.MonitoringPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kit's effective settings, read from the objects it runs with (not restated): what a subject gets
 * before anyone has asked them, which deadlines bind, what is encrypted and who may open it. The
 * snapshot of a kit built with nothing but a catalogue and keys is the library's privacy-by-default
 * configuration (GDPR Art. 25(2), M27). Contains no personal data and no key material. Immutable.
 *
 * @param jurisdiction the jurisdiction profile's id
 * @param requestDeadlines each subject-request deadline, e.g. {@code ACCESS: 1 months, extendable by 2 months}
 * @param breachClocks each breach notification clock, e.g. {@code authority: 72 hours}
 * @param clockTolerance how far in the future an event may be dated
 * @param purposes every purpose with its basis and what a subject without any record gets
 * @param categories every data category, whether it is sensitive, encrypted and behind MFA
 * @param accessPolicy whether an access policy (roles, need to know, MFA for sensitive data) is declared
 * @param fieldProtection the declared cipher suite, if field protection is declared
 * @param monitoring the access-monitoring thresholds, if monitoring is on
 * @param keyRotationPeriod the age at which a data key is due for rotation
 * @param complianceChecks ids of the checks {@code complianceReport()} runs
 */
public record KitConfiguration(String jurisdiction, List<String> requestDeadlines, List<String> breachClocks,
                               Duration clockTolerance, List<PurposeSetting> purposes,
                               List<CategorySetting> categories, boolean accessPolicy,
                               Optional<String> fieldProtection, Optional<MonitoringPolicy> monitoring,
                               Duration keyRotationPeriod, List<String> complianceChecks) {
    /** Checks for nulls and copies the lists. */
    public KitConfiguration {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        requestDeadlines = List.copyOf(requestDeadlines);
        breachClocks = List.copyOf(breachClocks);
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        purposes = List.copyOf(purposes);
        categories = List.copyOf(categories);
        Objects.requireNonNull(fieldProtection, "fieldProtection");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(keyRotationPeriod, "keyRotationPeriod");
        complianceChecks = List.copyOf(complianceChecks);
    }

    /**
     * One purpose as the kit treats it.
     *
     * @param id the purpose id
     * @param basis its legal basis
     * @param withoutRecord what {@code check} answers for a subject with no record at all:
     *                      {@code PERMITTED} or {@code DENIED: <reason>}
     * @param retention the declared retention, or {@code none}
     * @param reconfirmEvery the re-confirmation period of consent, if any
     */
    public record PurposeSetting(PurposeId id, LegalBasis basis, String withoutRecord, String retention,
                                 Optional<String> reconfirmEvery) {
        /** Checks for nulls. */
        public PurposeSetting {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(withoutRecord, "withoutRecord");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(reconfirmEvery, "reconfirmEvery");
        }
    }

    /**
     * One data category as the kit protects it.
     *
     * @param id the category id
     * @param sensitive whether it is a special category
     * @param encrypted whether a declared protected field holds it
     * @param mfaToOpen whether opening it needs a verified second factor (sensitive, under an access policy)
     */
    public record CategorySetting(CategoryId id, boolean sensitive, boolean encrypted, boolean mfaToOpen) {
        /** Checks for null. */
        public CategorySetting {
            Objects.requireNonNull(id, "id");
        }
    }
}
