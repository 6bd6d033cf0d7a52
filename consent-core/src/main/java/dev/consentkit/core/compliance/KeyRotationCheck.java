package dev.consentkit.core.compliance;

import dev.consentkit.core.KekId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data keys in current use must be younger than the kit's key rotation period. The key store lists
 * keys across subjects only by KEK, so the check asks for every key not under an id no key can have
 * (one scan) and keeps the highest version per subject and group.
 */
final class KeyRotationCheck implements ComplianceCheck {
    static final String ID = "key.rotation";
    /** Matches the KEK-id form, and no provider names a key so; every stored key is "not under it". */
    private static final KekId NO_KEK = KekId.of("consentkit.compliance.none");

    @Override
    public String id() {
        return ID;
    }

    private record Group(int count, Instant oldest) {
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Instant cutoff = context.now().minus(context.keyRotationPeriod());
        List<WrappedKey> all = KitContext.of(context.kit()).storage().read(tx -> tx.port(KeyStore.class)
                .map(keys -> keys.wrappedUnderOtherThan(NO_KEK, Integer.MAX_VALUE)).orElse(List.of()));
        Map<String, WrappedKey> current = new HashMap<>();
        for (WrappedKey k : all) {
            current.merge(k.subjectRef().value() + "/" + k.group(), k, (a, b) -> a.version() >= b.version() ? a : b);
        }
        Map<String, Group> old = new TreeMap<>();
        for (WrappedKey k : current.values()) {
            if (!k.createdAt().isAfter(cutoff)) {
                old.merge(k.group().value(), new Group(1, k.createdAt()), (a, b) -> new Group(a.count() + b.count(),
                        a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest()));
            }
        }
        List<Finding> found = new ArrayList<>();
        old.forEach((group, g) -> found.add(new Finding(ID, List.of("R-GDPR-4", "M19"), Severity.MEDIUM,
                "key group " + group,
                g.count() + (g.count() == 1 ? " data key" : " data keys") + " of group " + group + " in current use "
                        + (g.count() == 1 ? "was" : "were") + " made more than the rotation period of "
                        + context.keyRotationPeriod().toDays() + " days ago (the oldest at " + g.oldest() + ").",
                "Rotate them (FieldCrypto.rotateDataKey, then resealIfOld as values are read), or set a longer "
                        + "keyRotationPeriod if your security policy allows it.")));
        return found;
    }
}
