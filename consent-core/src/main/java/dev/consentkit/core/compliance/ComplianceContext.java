package dev.consentkit.core.compliance;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ComplianceCheck} reads: the kit (its catalogue, policies and stores), the time the
 * report is made at, and what field protection encrypts.
 *
 * <p>Made by the kit for each report. Immutable.
 */
public final class ComplianceContext {
    private final ConsentKit kit;
    private final Instant now;
    private final Optional<ProtectionProfile> protection;

    /**
     * @param kit the kit under check
     * @param now the time of the report
     * @param protection what field protection encrypts, if known
     */
    public ComplianceContext(ConsentKit kit, Instant now, Optional<ProtectionProfile> protection) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.now = Objects.requireNonNull(now, "now");
        this.protection = Objects.requireNonNull(protection, "protection");
    }

    /** @return the kit under check */
    public ConsentKit kit() {
        return kit;
    }

    /** @return the time of the report, from the kit's clock */
    public Instant now() {
        return now;
    }

    /** @return what field protection encrypts; empty when none was declared to the kit or the report */
    public Optional<ProtectionProfile> protection() {
        return protection;
    }
}
