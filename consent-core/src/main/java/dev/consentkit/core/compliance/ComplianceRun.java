package dev.consentkit.core.compliance;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One compliance self-check about to run: the kit's checks, plus what only the host has at hand when
 * it asks - field protection ({@code fieldCrypto.describe()}) and checks over objects built from the
 * kit, such as a retention engine.
 *
 * <pre>{@code
 * ComplianceReport report = kit.compliance()
 *         .protection(fieldCrypto.describe())
 *         .check(ComplianceChecks.retentionDue(retentionEngine))
 *         .report();
 * }</pre>
 *
 * <p>Obtained from {@code ConsentKit.compliance()}. Not thread-safe; use it once.
 */
public final class ComplianceRun {
    private final ConsentKit kit;
    private final List<ComplianceCheck> checks;
    private Optional<ProtectionProfile> protection;

    private ComplianceRun(ConsentKit kit, List<ComplianceCheck> checks) {
        this.kit = kit;
        this.checks = new ArrayList<>(checks);
        this.protection = kit.protection();
    }

    /**
     * Made by the kit; hosts call {@code ConsentKit.compliance()}.
     *
     * @param kit the kit under check
     * @param checks the kit's checks, in order
     * @return a run
     */
    public static ComplianceRun of(ConsentKit kit, List<ComplianceCheck> checks) {
        return new ComplianceRun(Objects.requireNonNull(kit, "kit"), List.copyOf(checks));
    }

    /**
     * @param profile what field protection encrypts; replaces what the kit's builder declared
     * @return this run
     */
    public ComplianceRun protection(ProtectionProfile profile) {
        this.protection = Optional.of(Objects.requireNonNull(profile, "profile"));
        return this;
    }

    /**
     * @param check one more check, run after the others
     * @return this run
     */
    public ComplianceRun check(ComplianceCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    /**
     * Runs every check now (the kit's clock).
     *
     * @return the report
     * @throws dev.consentkit.core.StorageException if a store cannot be read
     */
    public ComplianceReport report() {
        return ComplianceChecks.run(kit, checks, kit.clock().instant().truncatedTo(ChronoUnit.MICROS), protection);
    }
}
