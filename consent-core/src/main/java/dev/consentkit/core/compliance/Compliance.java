package dev.consentkit.core.compliance;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compliance self-check of a kit: the standard checks ({@link ComplianceChecks#standard()}) and the
 * host's own, each finding explained with the requirement it relates to and the fix; and the kit's
 * effective settings (privacy by default, GDPR Art. 25(2)). Field protection is judged by what the
 * kit's field protector ({@code FieldCrypto}) describes, access monitoring by the kit's
 * {@code AccessMonitoring}, if they were built.
 *
 * <pre>{@code
 * Compliance compliance = Compliance.builder(kit)
 *         .check(ComplianceChecks.retentionDue(retentionEngine))
 *         .build();
 * ComplianceReport report = compliance.report();
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #report()} runs every check anew.
 */
public final class Compliance {
    private final ConsentKit kit;
    private final List<ComplianceCheck> checks;
    private final Duration keyRotationPeriod;

    private Compliance(Builder b) {
        this.kit = b.kit;
        this.checks = List.copyOf(b.checks);
        this.keyRotationPeriod = b.keyRotationPeriod;
    }

    /**
     * @param kit the kit under check
     * @return a builder with the standard checks
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /**
     * Runs every check now (the kit's clock). A clean kit gives a report without findings.
     *
     * @return the report
     * @throws dev.consentkit.core.StorageException if a store cannot be read
     */
    public ComplianceReport report() {
        KitContext context = KitContext.of(kit);
        return ComplianceChecks.run(new ComplianceContext(kit, context.now(), keyRotationPeriod), checks);
    }

    /**
     * @return the kit's effective settings, derived from the objects it runs with: deadlines, what a
     *         subject without records gets per purpose, what is encrypted, monitoring thresholds
     *         (privacy by default, GDPR Art. 25(2))
     * @throws dev.consentkit.core.StorageException if a store cannot be read
     */
    public KitConfiguration configuration() {
        return ConfigurationDescriber.describe(kit, keyRotationPeriod, checks);
    }

    @Override
    public String toString() {
        return "Compliance[" + checks.size() + " checks]";
    }

    /** Configures a {@link Compliance}. Not thread-safe. */
    public static final class Builder {
        private final ConsentKit kit;
        private final List<ComplianceCheck> checks = new ArrayList<>(ComplianceChecks.standard());
        private Duration keyRotationPeriod = Duration.ofDays(365);

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param check a check of the host's, run after the standard ones (may be called more than once)
         * @return this builder
         */
        public Builder check(ComplianceCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * @param period the age at which a data key in use is due for rotation; 1 to 3660 days,
         *               default 365 days
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder keyRotationPeriod(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.compareTo(Duration.ofDays(1)) < 0 || period.compareTo(Duration.ofDays(3660)) > 0) {
                throw new IllegalArgumentException("key rotation period must be between 1 and 3660 days");
            }
            this.keyRotationPeriod = period;
            return this;
        }

        /** @return the compliance self-check */
        public Compliance build() {
            return new Compliance(this);
        }
    }
}
