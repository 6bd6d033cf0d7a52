package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 finding 1 (High), M19: forged data keys in RSA write-only mode. A database writer holding the
 * RSA public key, or a compromised front end, adds a data-key row wrapping a key it chose; the attack
 * works if the back office (or the front end) then seals values under that key, which the attacker can
 * read. Each test performs the attack through the public API and the storage SPI — what a database
 * writer reaches — and shows it fails: nobody seals under a row it cannot call its own. What such a
 * writer can still do is shown too (submit values, as a front end does; make values unreadable, as
 * deleting rows does), because docs/security.md states it.
 */
class ForgedDataKeyAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) RsaPairs.CURRENT.getPublic();
    private static final Principal MANAGER = Principal.of("olga", "manager");
    private static final Principal SIGNUP = Principal.of("signup-form", "web-form");

    private MutableClock clock;
    private ConsentKit kit;
    private FieldCrypto office;
    private FieldCrypto form;
    /** What the attacker holds: the public key, nothing else. */
    private final RsaKeyEncryptionKeys attacker = RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), PUBLIC_KEY);
    private final SubjectId anna = SubjectId.of("client-1001");

    private void start(Supplier<ConsentStorage> storage) {
        clock = MutableClock.at("2026-03-02T10:00:00Z");
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE)
                .grant("web-form").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE).build();
        kit = Instances.kit(storage.get(), clock, policy);
        office = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
        form = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), PUBLIC_KEY))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
    }

    private FieldRef cell(String row) {
        return EMAIL.at(row, anna);
    }

    private List<WrappedKey> rows() {
        KeyedHash ref = kit.subjectRef(anna);
        return KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(ref));
    }

    private void expireCaches() {
        clock.advance(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aDatabaseWriterPlantsVersionNPlusOneAndTheBackOfficeDoesNotSealUnderIt(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        WrappedKey genuine = rows().get(0);
        // three forgeries of version 2, each wrapping a key the attacker chose under the public key: no
        // authenticator, the genuine row's authenticator replayed, and the pre-v4 format
        List<LegacyKeys.Planted> forged = List.of(
                LegacyKeys.forgedRow(kit, attacker, EMAIL, anna, 2, 4242, LegacyKeys.chosen(0x41), new byte[0]));
        expireCaches();

        String sealed = office.seal(MANAGER, ORDERS, cell("row-2"), "anna@new.example");

        assertThat(LegacyKeys.keyIdOf(sealed)).as("not under the planted key").isNotEqualTo(4242);
        assertThat(rows()).extracting(WrappedKey::version).containsExactly(1, 2, 3);
        WrappedKey own = rows().get(2);
        assertThat(own.hasAuthenticator()).isTrue();
        assertThat(LegacyKeys.keyIdOf(sealed)).isEqualTo(own.keyId());
        assertThatThrownBy(() -> forged.get(0).open(kit, cell("row-2"), sealed))
                .as("the attacker's key does not read the back office's value").isInstanceOf(DecryptionException.class);
        assertThat(office.open(MANAGER, ORDERS, cell("row-2"), sealed)).isEqualTo("anna@new.example");

        // the same with the genuine row's authenticator copied onto the forgery, and with a v3-style row
        LegacyKeys.forgedRow(kit, attacker, EMAIL, anna, 4, 4343, LegacyKeys.chosen(0x42), genuine.authenticator());
        expireCaches();
        String second = office.seal(MANAGER, ORDERS, cell("row-3"), "anna@third.example");
        assertThat(LegacyKeys.keyIdOf(second)).isNotEqualTo(4343).isEqualTo(rows().get(4).keyId());
        LegacyKeys.v3Row(kit, attacker, EMAIL, anna, 6, 4444, LegacyKeys.chosen(0x43));
        expireCaches();
        String third = office.seal(MANAGER, ORDERS, cell("row-4"), "anna@fourth.example");
        assertThat(LegacyKeys.keyIdOf(third)).isNotEqualTo(4444).isEqualTo(rows().get(6).keyId());
        // the replayed authenticator is on the forged row (version 4), but does not verify for it
        assertThat(rows()).extracting(WrappedKey::hasAuthenticator)
                .containsExactly(true, false, true, true, true, false, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aKeyACompromisedFrontEndMadeIsNeverSealedUnderByTheBackOffice(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String first = office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        expireCaches();
        // the front end (whose process, and so whose keys, the attacker controls) makes version 2
        String submitted = form.seal(SIGNUP, ORDERS, cell("row-2"), "anna@form.example");
        WrappedKey frontEnds = rows().get(1);
        assertThat(LegacyKeys.keyIdOf(submitted)).isEqualTo(frontEnds.keyId());
        expireCaches();

        String sealed = office.seal(MANAGER, ORDERS, cell("row-3"), "anna@office.example");

        assertThat(LegacyKeys.keyIdOf(sealed)).isNotEqualTo(frontEnds.keyId()).isNotEqualTo(LegacyKeys.keyIdOf(first));
        assertThat(rows()).extracting(WrappedKey::version, WrappedKey::hasAuthenticator).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false),
                org.assertj.core.groups.Tuple.tuple(3, true));
        // the back office reads what the front end submitted: that is what a front end is for
        assertThat(office.open(MANAGER, ORDERS, cell("row-2"), submitted)).isEqualTo("anna@form.example");
        assertThat(office.open(MANAGER, ORDERS, cell("row-3"), sealed)).isEqualTo("anna@office.example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void theFrontEndNeverSealsUnderARowItDidNotMake(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        LegacyKeys.Planted forged = LegacyKeys.forgedRow(kit, attacker, EMAIL, anna, 2, 4242, LegacyKeys.chosen(0x41),
                new byte[0]);

        String submitted = form.seal(SIGNUP, ORDERS, cell("row-2"), "anna@form.example");
        String again = form.seal(SIGNUP, ORDERS, cell("row-3"), "anna@form2.example");

        assertThat(LegacyKeys.keyIdOf(submitted)).isNotEqualTo(4242).isEqualTo(rows().get(2).keyId());
        assertThat(LegacyKeys.keyIdOf(again)).as("its own key, cached").isEqualTo(LegacyKeys.keyIdOf(submitted));
        assertThatThrownBy(() -> forged.open(kit, cell("row-2"), submitted)).isInstanceOf(DecryptionException.class);
        assertThat(office.open(MANAGER, ORDERS, cell("row-2"), submitted)).isEqualTo("anna@form.example");
    }

    /**
     * What a database writer with the public key can still do — exactly what a front end does: submit a
     * value under a key of its own, which the back office opens (and audits) like any front-end value.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aForgedValueUnderAForgedRowOpensLikeAFrontEndSubmissionAndNoMore(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String genuine = office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        LegacyKeys.Planted forged = LegacyKeys.forgedRow(kit, attacker, EMAIL, anna, 2, 4242, LegacyKeys.chosen(0x41),
                new byte[0]);
        String planted = forged.seal(kit, cell("row-1"), "attacker@evil.example");

        assertThat(office.open(MANAGER, ORDERS, cell("row-1"), planted)).isEqualTo("attacker@evil.example");
        assertThat(office.open(MANAGER, ORDERS, cell("row-1"), genuine)).isEqualTo("anna@example.org");
        // bound to its cell like every value: it opens nowhere else
        assertThatThrownBy(() -> office.open(MANAGER, ORDERS, cell("row-9"), planted))
                .isInstanceOf(DecryptionException.class);
        // and the back office moves it under its own key when it reseals it
        String resealed = office.resealIfOld(cell("row-1"), planted).orElseThrow();
        assertThat(LegacyKeys.keyIdOf(resealed)).isNotEqualTo(4242);
        assertThatThrownBy(() -> forged.open(kit, cell("row-1"), resealed)).isInstanceOf(DecryptionException.class);
    }

    /** A writer can also stop new seals for a subject and group, as visibly as by deleting its rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aRowAtTheHighestVersionStopsSealsForThatGroupWithAClearError(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String genuine = office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        LegacyKeys.forgedRow(kit, attacker, EMAIL, anna, Integer.MAX_VALUE, 4242, LegacyKeys.chosen(0x41), new byte[0]);
        expireCaches();

        assertThatThrownBy(() -> office.seal(MANAGER, ORDERS, cell("row-2"), "anna@new.example"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the data keys of group contract of this subject are at the highest version number; the key"
                        + " store was altered");
        assertThat(office.open(MANAGER, ORDERS, cell("row-1"), genuine)).isEqualTo("anna@example.org");
    }

    /** A writer who swaps the wrapped key of the back office's own row breaks that row: refused, never used. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aBackOfficeRowWithAnotherWrappedKeyIsRefusedAndNotSealedUnder(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String genuine = office.seal(MANAGER, ORDERS, cell("row-1"), "anna@example.org");
        WrappedKey own = rows().get(0);
        byte[] swapped = attacker.wrap(LegacyKeys.chosen(0x41), KeyRows.contextV2(own.subjectRef(), own.group().value(),
                own.version(), own.keyId(), own.kekId().value()));
        KitContext.of(kit).storage().inTransaction(tx -> KeyStore.in(tx).rewrap(own.rewrapped(own.kekId(), swapped, own.format(),
                own.authenticator())));
        expireCaches();

        assertThatThrownBy(() -> office.open(MANAGER, ORDERS, cell("row-1"), genuine))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        String sealed = office.seal(MANAGER, ORDERS, cell("row-2"), "anna@new.example");

        assertThat(LegacyKeys.keyIdOf(sealed)).isNotEqualTo(own.keyId()).isEqualTo(rows().get(1).keyId());
        assertThat(office.open(MANAGER, ORDERS, cell("row-2"), sealed)).isEqualTo("anna@new.example");
    }

    /** Rows stored before schema v4 still open, but the back office never seals under them again. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aV3KeyRowStillOpensAndTheNextSealMakesANewAuthenticatedVersion(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        RsaKeyEncryptionKeys backOffice = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT);
        LegacyKeys.Planted v3 = LegacyKeys.v3Row(kit, backOffice, EMAIL, anna, 1, 777, LegacyKeys.chosen(0x07));
        String old = v3.seal(kit, cell("row-1"), "anna@example.org");

        assertThat(office.open(MANAGER, ORDERS, cell("row-1"), old)).isEqualTo("anna@example.org");
        String sealed = office.seal(MANAGER, ORDERS, cell("row-2"), "anna@new.example");

        assertThat(rows()).extracting(WrappedKey::version, WrappedKey::format, WrappedKey::hasAuthenticator).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, WrappedKey.FORMAT_V1, false),
                org.assertj.core.groups.Tuple.tuple(2, WrappedKey.FORMAT_V2, true));
        assertThat(LegacyKeys.keyIdOf(sealed)).isEqualTo(rows().get(1).keyId());
        assertThat(office.open(MANAGER, ORDERS, cell("row-1"), old)).isEqualTo("anna@example.org");
        assertThat(office.resealIfOld(cell("row-1"), old)).get()
                .satisfies(v -> assertThat(LegacyKeys.keyIdOf(v)).isEqualTo(rows().get(1).keyId()));
    }
}
