package dev.consentkit.crypto;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KeyShred;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 6, M19/M20: corruption is not erasure. Flipping a bit of the key id in a sealed value
 * used to read as "crypto-shredded" — and for a field with a replacement, {@code open} returned the
 * replacement silently, so a damaged (or deliberately altered) value passed for an erased one. Now a
 * shred leaves a record (subject reference, group, key id, time), and a key that is missing without
 * one is "decryption failed".
 */
class KeyIdCorruptionAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"))
            .replacedBy("[erased]");
    private static final ProtectedField NEWS = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"))
            .replacedBy("[erased]");
    private static final Principal MANAGER = Principal.of("olga", "manager");
    private static final Actor DPO = Actor.operator("dpo");

    private MutableClock clock;
    private ConsentKit kit;
    private FieldCrypto crypto;
    private final SubjectId anna = SubjectId.of("client-1001");

    private void start(ConsentStorage storage) {
        clock = MutableClock.at("2026-03-02T10:00:00Z");
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
        kit = Instances.kit(storage, clock, policy);
        crypto = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), LegacyKeys.chosen(7)))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL, PHONE, NEWS).build();
    }

    /** An identity-verified access request of the subject: what an export opens values for. */
    private RequestId verifiedAccess(SubjectId subject) {
        RequestId id = SubjectRights.builder(kit).directory(known -> true).build()
                .receive(subject, RequestType.ACCESS, DPO).id();
        SubjectRights.builder(kit).build().verifyIdentity(id, DPO);
        return id;
    }

    /** Flips one bit of the 4-byte key id (header bytes 3 to 6) of a text ciphertext. */
    private static String flipKeyIdBit(String sealed, int bit) {
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring("ck1.".length()));
        raw[3 + bit / 8] ^= (byte) (1 << (bit % 8));
        return "ck1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aFlippedKeyIdBitIsDecryptionFailedNeverAnErasure(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        FieldRef email = EMAIL.at("row-1", anna);
        FieldRef phone = PHONE.at("row-1", anna);
        String sealedEmail = crypto.seal(MANAGER, ORDERS, email, "anna@example.org");
        String sealedPhone = crypto.seal(MANAGER, ORDERS, phone, "+79123456789");

        RequestId access = verifiedAccess(anna);
        for (int bit : new int[] {0, 7, 13, 31}) {
            String damagedEmail = flipKeyIdBit(sealedEmail, bit);
            String damagedPhone = flipKeyIdBit(sealedPhone, bit);
            assertThat(LegacyKeys.keyIdOf(damagedPhone)).isNotEqualTo(LegacyKeys.keyIdOf(sealedPhone));
            assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, email, damagedEmail))
                    .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
            assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, phone, damagedPhone))
                    .as("not the replacement").isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
            assertThatThrownBy(() -> crypto.openForRequest(access, new SealedValue("client", "phone", "row-1", damagedPhone), DPO))
                    .isInstanceOf(DecryptionException.class);
            assertThatThrownBy(() -> crypto.resealIfOld(phone, damagedPhone)).isInstanceOf(DecryptionException.class);
        }
        assertThat(crypto.open(MANAGER, ORDERS, phone, sealedPhone)).isEqualTo("+79123456789");
        // audited as a value that failed (finding 7), never as an opening of an erased value
        assertThat(AuditTrail.of(kit).records(1, 1000)).extracting(r -> r.event())
                .filteredOn(e -> e.outcome() == AuditOutcome.FAILED)
                .allSatisfy(e -> assertThat(e.action()).isEqualTo(FieldCrypto.FIELD_OPEN_FAILED))
                .extracting(e -> e.reference().orElseThrow())
                .hasSize(16).containsOnly("not-authentic: client.email", "not-authentic: client.phone",
                        "not-authentic: request " + access + " client.phone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aShredLeavesARecordAndOnlyItsValuesReadAsErased(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        FieldRef email = EMAIL.at("row-1", anna);
        FieldRef phone = PHONE.at("row-1", anna);
        FieldRef news = NEWS.at("sub-1", anna);
        String sealedEmail = crypto.seal(MANAGER, ORDERS, email, "anna@example.org");
        String sealedPhone = crypto.seal(MANAGER, ORDERS, phone, "+79123456789");
        String sealedNews = crypto.seal(MANAGER, ORDERS, news, "anna@example.org");
        KeyedHash ref = kit.subjectRef(anna);
        int marketingKey = LegacyKeys.keyIdOf(sealedNews);

        crypto.shred(anna, Set.of(KeyGroup.of("marketing")), DPO);

        List<KeyShred> shreds = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).shredsOf(ref));
        assertThat(shreds).singleElement().satisfies(s -> {
            assertThat(s).isEqualTo(new KeyShred(ref, KeyGroup.of("marketing"), 1, marketingKey, KekId.of("kek-2026"),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
            assertThat(s.toString()).doesNotContain("anna").doesNotContain(anna.value());
        });
        assertThat(crypto.open(MANAGER, ORDERS, news, sealedNews)).isEqualTo("[erased]");
        assertThat(crypto.openForRequest(verifiedAccess(anna), new SealedValue("newsletter_sub", "email", "sub-1", sealedNews), DPO))
                .contains("[erased]");
        // the kept group still opens, and a damaged value of it is still damaged, not erased
        assertThat(crypto.open(MANAGER, ORDERS, phone, sealedPhone)).isEqualTo("+79123456789");
        assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, phone, flipKeyIdBit(sealedPhone, 5)))
                .isInstanceOf(DecryptionException.class);
        // a damaged value of the shredded group names no shredded key either
        assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, news, flipKeyIdBit(sealedNews, 5)))
                .isInstanceOf(DecryptionException.class);

        crypto.shred(anna, Set.of(), DPO);
        assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, email, sealedEmail)).isInstanceOf(KeyDestroyedException.class);
        assertThat(crypto.open(MANAGER, ORDERS, phone, sealedPhone)).isEqualTo("[erased]");
        List<KeyShred> all = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).shredsOf(ref));
        assertThat(all).extracting(s -> s.group().value()).containsExactly("contract", "marketing");
    }

    /** A shred made before schema v4 left no record; recordEarlierShreds finds it in the audit chain. */
    @Test
    void aShredFromBeforeVersion4ReadsAsErasedOnceRecordedFromTheAuditChain() throws SQLException {
        DataSource ds = Storages.installedH2();
        start(JdbcStorage.builder(ds).tablePrefix("ck_").build());
        FieldRef phone = PHONE.at("row-1", anna);
        FieldRef news = NEWS.at("sub-1", anna);
        String sealedPhone = crypto.seal(MANAGER, ORDERS, phone, "+79123456789");
        String sealedNews = crypto.seal(MANAGER, ORDERS, news, "anna@example.org");
        KeyedHash ref = kit.subjectRef(anna);
        // what a v3 shred did: delete the rows and audit it, nothing else
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM ck_data_key WHERE grp = 'marketing'");
        }
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS),
                DPO, FieldCrypto.KEYS_SHREDDED, Optional.of(ref), Optional.empty(), AuditOutcome.SUCCESS,
                Optional.of("marketing"))));
        FieldCrypto restarted = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"),
                LegacyKeys.chosen(7)))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL, PHONE, NEWS).build();
        assertThatThrownBy(() -> restarted.open(MANAGER, ORDERS, news, sealedNews)).isInstanceOf(DecryptionException.class);

        assertThat(restarted.recordEarlierShreds()).isEqualTo(1);
        assertThat(restarted.recordEarlierShreds()).as("idempotent").isZero();

        assertThat(restarted.open(MANAGER, ORDERS, news, sealedNews)).isEqualTo("[erased]");
        assertThat(restarted.open(MANAGER, ORDERS, phone, sealedPhone)).isEqualTo("+79123456789");
        assertThatThrownBy(() -> restarted.open(MANAGER, ORDERS, phone, flipKeyIdBit(sealedPhone, 1)))
                .isInstanceOf(DecryptionException.class);
    }
}
