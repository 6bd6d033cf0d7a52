package dev.consentkit.core.compliance;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.FieldProtector;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ComplianceCheck} reads: the kit (its catalogue, policies and stores), the time the
 * report is made at, and what field protection encrypts.
 *
 * <p>Made by {@link Compliance#report()} for each report. Immutable.
 */
public final class ComplianceContext {
    private final ConsentKit kit;
    private final Instant now;
    private final Duration keyRotationPeriod;

    ComplianceContext(ConsentKit kit, Instant now, Duration keyRotationPeriod) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.now = Objects.requireNonNull(now, "now");
        this.keyRotationPeriod = Objects.requireNonNull(keyRotationPeriod, "keyRotationPeriod");
    }

    /** @return the kit under check */
    public ConsentKit kit() {
        return kit;
    }

    /** @return the time of the report, from the kit's clock */
    public Instant now() {
        return now;
    }

    /** @return the age at which a data key in use is due for rotation */
    public Duration keyRotationPeriod() {
        return keyRotationPeriod;
    }

    /** @return what the kit's field protector encrypts; empty when the kit has none */
    public Optional<ProtectionProfile> protection() {
        return KitContext.of(kit).protector().map(FieldProtector::describe);
    }
}
