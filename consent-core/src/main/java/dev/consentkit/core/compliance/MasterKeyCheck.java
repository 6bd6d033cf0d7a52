package dev.consentkit.core.compliance;

import dev.consentkit.core.KekId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Master keys (key-encryption keys) used within their bounds: an AEAD master key with random nonces
 * has wrapped fewer data keys than its nonce bound allows, and no data key is wrapped under a key
 * smaller than recommended today (a 2048-bit RSA pair, which still unwraps, but whose keys should be
 * rewrapped under a 3072-bit one).
 *
 * <p>The count per master key is what the key store can tell: keys stored under it now plus keys
 * shredded while under it ({@link dev.consentkit.core.spi.protection.KeyStore#usageByKek}). The bound of a master
 * key comes from the protection profile; a master key the profile does not describe is held to
 * {@link #DEFAULT_WRAP_LIMIT}, the bound of AES-GCM with random 96-bit nonces.
 */
final class MasterKeyCheck implements ComplianceCheck {
    static final String ID = "key.master";
    /**
     * NIST SP 800-38D §8.3: with random 96-bit IVs, at most 2^32 invocations of AES-GCM under one key
     * (the chance of a repeated nonce then stays near 2^-33).
     */
    static final long DEFAULT_WRAP_LIMIT = 1L << 32;
    private static final List<String> REQUIREMENTS = List.of("R-GDPR-4", "R-GDPR-20", "M19");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Map<KekId, KekUsage> usage = new TreeMap<KekId, KekUsage>(KitContext.of(context.kit()).storage()
                .<Map<KekId, KekUsage>>read(tx -> tx.port(KeyStore.class).map(KeyStore::usageByKek).orElse(Map.of())));
        Map<KekId, ProtectionProfile.MasterKey> described = context.protection()
                .map(p -> p.masterKeys().stream()
                        .collect(Collectors.toMap(ProtectionProfile.MasterKey::kekId, Function.identity(), (a, b) -> a)))
                .orElse(Map.of());
        List<Finding> found = new ArrayList<>();
        usage.forEach((kekId, used) -> {
            long count = used.wraps();
            ProtectionProfile.MasterKey key = described.get(kekId);
            long limit = key == null ? DEFAULT_WRAP_LIMIT : key.wrapLimit().orElse(Long.MAX_VALUE);
            if (count >= limit) {
                found.add(finding(Severity.HIGH, kekId.value(), count + " data keys were wrapped under master key " + kekId
                        + ", at or past its bound of " + limit + " wraps with random nonces (NIST SP 800-38D §8.3): "
                        + "a repeated nonce becomes likely enough to expose the master key's authentication.",
                        "Rotate the master key now (KeyFile.rotate, or a new key in your KMS), then run "
                                + "FieldCrypto.rewrapAll."));
            } else if (count >= limit / 4) {
                found.add(finding(Severity.MEDIUM, kekId.value(), count + " data keys were wrapped under master key " + kekId
                        + ", a quarter or more of its bound of " + limit + " wraps with random nonces "
                        + "(NIST SP 800-38D §8.3).",
                        "Plan a master-key rotation (KeyFile.rotate, or a new key in your KMS, then "
                                + "FieldCrypto.rewrapAll) before the bound is reached."));
            }
            if (key != null && key.bits() < key.recommendedBits() && used.stored() > 0) {
                found.add(finding(Severity.MEDIUM, kekId.value(), used.stored() + " data keys are wrapped under master key " + kekId
                        + " (" + key.algorithm() + ", " + key.bits() + " bits), smaller than the " + key.recommendedBits()
                        + " bits recommended for new keys (NIST SP 800-57 Part 1 Rev. 5: RSA-2048 gives 112-bit "
                        + "security, RSA-3072 128-bit). They still unwrap.",
                        "Make a " + key.recommendedBits() + "-bit key current, keep " + kekId + " only to unwrap, "
                                + "run FieldCrypto.rewrapAll, then retire " + kekId + "."));
            }
        });
        return found;
    }

    private static Finding finding(Severity severity, String kekId, String problem, String fix) {
        return new Finding(ID, REQUIREMENTS, severity, "master key " + kekId, problem, fix);
    }
}
