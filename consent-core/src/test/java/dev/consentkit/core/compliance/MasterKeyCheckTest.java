package dev.consentkit.core.compliance;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.core.spi.protection.KeyStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.ProtectionProfile.MasterKey;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The standard check {@code key.master} (R-GDPR-4, R-GDPR-20, M19; issue 12 finding 11): data keys
 * wrapped per master key against its random-nonce bound, and data keys still under a master key
 * smaller than recommended. Real in-memory key store; the bound comes from the protection profile,
 * so a small one is given here instead of 2^32 keys.
 */
class MasterKeyCheckTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final ConsentKit kit = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock));
    private int keyId;

    private void wrapUnder(String kekId, int keys) {
        storage.inTransaction(tx -> {
            for (int i = 0; i < keys; i++) {
                KeyedHash ref = kit.subjectRef(SubjectId.of("client-" + keyId));
                KeyStore.in(tx).add(new WrappedKey(ref, KeyGroup.of("contract"), 1, ++keyId, KekId.of(kekId), new byte[] {1}, clock.instant()));
            }
            return null;
        });
    }

    private List<Finding> findings(MasterKey... keys) {
        // one field protector per kit: a kit over the same store for each described profile
        ConsentKit described = ComplianceWorld.clean(storage, clock).build();
        KitContext.of(described).install(FieldProtector.class,
                new DescribedProtection(new ProtectionProfile("AES-256-GCM", "test", List.of(), List.of(keys))));
        return Compliance.builder(described).build().report().findingsOf(MasterKeyCheck.ID);
    }

    private static MasterKey aes(String id, long limit) {
        return new MasterKey(KekId.of(id), "AES-256-GCM", 256, 256, OptionalLong.of(limit), true);
    }

    @Test
    void wrapsUnderAQuarterOfTheBoundAreClean() {
        wrapUnder("kek-a", 3);

        assertThat(findings(aes("kek-a", 16))).isEmpty();
        assertThat(Compliance.builder(kit).build().report().findingsOf(MasterKeyCheck.ID)).as("undescribed: 2^32").isEmpty();
    }

    @Test
    void aQuarterOfTheBoundIsMediumAndTheBoundIsHigh() {
        wrapUnder("kek-a", 4);
        wrapUnder("kek-b", 16);

        assertThat(findings(aes("kek-a", 16), aes("kek-b", 16))).satisfiesExactly(
                a -> {
                    assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(a.target()).isEqualTo("master key kek-a");
                    assertThat(a.problem()).contains("4 data keys", "bound of 16", "NIST SP 800-38D");
                    assertThat(a.requirements()).containsExactly("R-GDPR-4", "R-GDPR-20", "M19");
                },
                b -> {
                    assertThat(b.severity()).isEqualTo(Severity.HIGH);
                    assertThat(b.problem()).contains("16 data keys");
                    assertThat(b.fix()).contains("rewrapAll");
                });
    }

    @Test
    void shreddedKeysStillCountAgainstTheBound() {
        wrapUnder("kek-a", 4);
        storage.inTransaction(tx -> KeyStore.in(tx).destroy(kit.subjectRef(SubjectId.of("client-0")), List.of(),
                clock.instant()));

        assertThat(findings(aes("kek-a", 16))).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("4 data keys"));
    }

    @Test
    void anRsaPairWithoutANonceBoundIsHeldToNoCountButWarnedWhileKeysAreUnderA2048BitPair() {
        MasterKey rsa2048 = new MasterKey(KekId.of("rsa-2025"), "RSA-OAEP-SHA256", 2048, 3072, OptionalLong.empty(), false);
        MasterKey rsa3072 = new MasterKey(KekId.of("rsa-2026"), "RSA-OAEP-SHA256", 3072, 3072, OptionalLong.empty(), true);
        assertThat(findings(rsa2048, rsa3072)).as("no key under the small pair").isEmpty();

        wrapUnder("rsa-2025", 2);
        wrapUnder("rsa-2026", 40);

        assertThat(findings(rsa2048, rsa3072)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.target()).isEqualTo("master key rsa-2025");
            assertThat(f.problem()).contains("2 data keys", "2048 bits", "3072");
            assertThat(f.fix()).contains("rewrapAll");
        });
    }

    @Test
    void theDefaultBoundIsNistsForRandomNonces() {
        assertThat(MasterKeyCheck.DEFAULT_WRAP_LIMIT).isEqualTo(4_294_967_296L);
    }
}
