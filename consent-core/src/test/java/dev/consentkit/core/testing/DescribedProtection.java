package dev.consentkit.core.testing;

import dev.consentkit.core.Actor;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A field protector that only describes what it would encrypt: for core's tests of what reads the
 * kit's protection profile (compliance, the registers, transparency), which cannot depend on
 * consent-crypto. Opening and shredding are refused. Immutable.
 */
public final class DescribedProtection implements FieldProtector {
    private final ProtectionProfile profile;

    /**
     * @param profile what it declares to encrypt
     */
    public DescribedProtection(ProtectionProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public Optional<String> openForRequest(RequestId request, SealedValue value, Actor actor) {
        throw new UnsupportedOperationException("a described protection opens nothing");
    }

    @Override
    public ErasureReceipt shred(SubjectId subject, Set<String> groups, Actor actor) {
        throw new UnsupportedOperationException("a described protection shreds nothing");
    }

    @Override
    public ProtectionProfile describe() {
        return profile;
    }
}
