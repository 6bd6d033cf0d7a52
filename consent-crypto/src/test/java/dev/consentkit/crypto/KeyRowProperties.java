package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariant behind issue 12 finding 1, over any interleaving of back-office seals, front-end seals,
 * rows planted by a database writer and key-cache expiries: no value is ever sealed under a planted key;
 * every value the back office seals is under a row it authenticated; every value opens on the back
 * office.
 */
class KeyRowProperties {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) RsaPairs.CURRENT.getPublic();

    enum Step { OFFICE_SEALS, FORM_SEALS, WRITER_PLANTS, CACHES_EXPIRE }

    @Property(tries = 40)
    void nothingIsEverSealedUnderAPlantedKey(@ForAll("steps") List<Step> steps) {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE)
                .grant("web-form").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE).build();
        ConsentKit kit = Instances.kit(InMemoryStorage.create(), clock, policy);
        FieldCrypto office = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
        FieldCrypto form = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), PUBLIC_KEY))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
        RsaKeyEncryptionKeys writer = RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), PUBLIC_KEY);
        SubjectId anna = SubjectId.of("client-1001");
        KeyedHash ref = kit.subjectRef(anna);
        Set<Integer> planted = new HashSet<>();
        int cell = 0;

        for (Step step : steps) {
            FieldRef at = EMAIL.at("row-" + cell++, anna);
            switch (step) {
                case OFFICE_SEALS -> {
                    String sealed = office.seal(Principal.of("olga", "manager"), ORDERS, at, "anna" + cell + "@example.org");
                    int keyId = LegacyKeys.keyIdOf(sealed);
                    assertThat(planted).doesNotContain(keyId);
                    List<WrappedKey> rows = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(ref));
                    assertThat(rows).filteredOn(k -> k.keyId() == keyId).singleElement()
                            .satisfies(k -> assertThat(k.hasAuthenticator()).isTrue());
                    assertThat(office.open(Principal.of("olga", "manager"), ORDERS, at, sealed))
                            .isEqualTo("anna" + cell + "@example.org");
                }
                case FORM_SEALS -> {
                    String sealed = form.seal(Principal.of("signup-form", "web-form"), ORDERS, at, "form" + cell + "@example.org");
                    assertThat(planted).doesNotContain(LegacyKeys.keyIdOf(sealed));
                    assertThat(office.open(Principal.of("olga", "manager"), ORDERS, at, sealed))
                            .isEqualTo("form" + cell + "@example.org");
                }
                case WRITER_PLANTS -> {
                    int version = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).current(ref, KeyGroup.of("contract")))
                            .map(k -> k.version() + 1).orElse(1);
                    int keyId = 1_000_000 + cell;
                    LegacyKeys.forgedRow(kit, writer, EMAIL, anna, version, keyId, LegacyKeys.chosen(cell), new byte[0]);
                    planted.add(keyId);
                }
                case CACHES_EXPIRE -> clock.advance(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(12);
    }
}
