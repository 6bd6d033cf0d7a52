package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessDecision;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FieldCrypto's options and guards: the kit's access policy as the default, MFA for sensitive
 * categories through {@code open}, the time-to-live of cached data keys. On the in-memory and H2 key
 * stores where storage matters.
 */
class FieldCryptoOptionsTest {
    private static final PurposeId TREATMENT = PurposeId.of("treatment");
    private static final ProtectedField DIAGNOSIS = ProtectedField.of("patient", "diagnosis", CategoryId.of("health"), KeyGroup.of("care"));
    private static final ProtectedField PHONE = ProtectedField.of("patient", "phone", CategoryId.of("contact"), KeyGroup.of("care"));

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final SubjectId anna = SubjectId.of("patient-1001");
    /** Writes the patient's file; health data is sensitive, so a second factor is needed to write it too. */
    private final Principal writer = Principal.of("dr-house", "doctor").withMfa();

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    /** A clinic: contact details, and health data (a sensitive category) processed under the treatment contract. */
    private static ProcessingCatalog clinic() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Clinic Lumen LLC", "privacy@clinic-lumen.example"))
                .jurisdiction("RU")
                .defaultLocale(Locale.ENGLISH)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .category(new DataCategory(CategoryId.of("health"), LocalizedText.of(Locale.ENGLISH, "Diagnoses"), true))
                .purpose(Purpose.builder(TREATMENT)
                        .name(LocalizedText.of(Locale.ENGLISH, "Treatment"))
                        .description(LocalizedText.of(Locale.ENGLISH, "Treating the patient under the contract."))
                        .basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact"), CategoryId.of("health"))
                        .build())
                .build();
    }

    private ConsentKit clinicKit(ConsentStorage storage, AccessPolicy.Builder policy) {
        ConsentKit.Builder builder = ConsentKit.builder().catalog(clinic()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey());
        if (policy != null) {
            builder.accessPolicy(policy.build());
        }
        return builder.build();
    }

    private static AccessPolicy.Builder doctors(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant("doctor").purposes(TREATMENT).categories(CategoryId.of("contact"), CategoryId.of("health")).actions(AccessAction.READ, AccessAction.WRITE)
                .grant("receptionist").purposes(TREATMENT).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE);
    }

    private FieldCrypto.Builder cryptoOf(ConsentKit kit) {
        return FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(filled(9)))
                .fields(DIAGNOSIS, PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void fieldCryptoChecksTheKitsPolicyAndASensitiveCategoryNeedsMfa(String name, Supplier<ConsentStorage> storage) {
        ConsentKit kit = clinicKit(storage.get(), doctors(clinic()));
        FieldCrypto crypto = cryptoOf(kit).build();
        FieldRef diagnosis = DIAGNOSIS.at("p-1", anna);
        FieldRef phone = PHONE.at("p-1", anna);
        String sealedDiagnosis = crypto.seal(writer, TREATMENT, diagnosis, "J45.0 asthma");
        String sealedPhone = crypto.seal(writer, TREATMENT, phone, "+79123456789");
        Principal doctor = Principal.of("dr-house", "doctor");

        assertThatThrownBy(() -> crypto.open(doctor, TREATMENT, diagnosis, sealedDiagnosis))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.MFA_REQUIRED))
                .hasMessage("access to patient.diagnosis for purpose treatment refused: MFA_REQUIRED")
                .hasMessageNotContaining("asthma").hasMessageNotContaining("patient-1001");
        assertThat(crypto.open(doctor, TREATMENT, phone, sealedPhone)).as("contact is not sensitive").isEqualTo("+79123456789");
        assertThat(crypto.open(doctor.withMfa(), TREATMENT, diagnosis, sealedDiagnosis)).isEqualTo("J45.0 asthma");
        assertThatThrownBy(() -> crypto.open(Principal.of("reception-1", "receptionist").withMfa(), TREATMENT, diagnosis,
                sealedDiagnosis)).isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED));

        List<AuditRecord> opens = AuditTrail.of(kit).records(1, 100).stream()
                .filter(r -> r.event().action().code().startsWith("field.")).toList();
        assertThat(opens).extracting(r -> r.event().action(), r -> r.event().outcome(), r -> r.event().actor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FieldCrypto.FIELD_OPEN_REFUSED, AuditOutcome.DENIED, Actor.operator("dr-house")),
                        org.assertj.core.groups.Tuple.tuple(FieldCrypto.FIELD_OPENED, AuditOutcome.SUCCESS, Actor.operator("dr-house")),
                        org.assertj.core.groups.Tuple.tuple(FieldCrypto.FIELD_OPENED, AuditOutcome.SUCCESS, Actor.operator("dr-house")),
                        org.assertj.core.groups.Tuple.tuple(FieldCrypto.FIELD_OPEN_REFUSED, AuditOutcome.DENIED, Actor.operator("reception-1")));
        assertThat(opens.get(0).event().purpose()).contains(TREATMENT);
        assertThat(opens.get(0).event().subjectRef()).contains(kit.subjectRef(anna));
    }

    @Test
    void theAccessPolicyIsReachedOneWayOnlyTheKitsAndAnotherPolicyTakesAnotherInstance() {
        ConsentKit kit = clinicKit(Storages.h2(), doctors(clinic()));
        assertThat(Arrays.stream(FieldCrypto.Builder.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("issue 14: the policy is set on ConsentKit.Builder only").doesNotContain("accessPolicy");
        AccessPolicy receptionOnly = AccessPolicy.builder(kit.catalog())
                .grant("receptionist").purposes(TREATMENT).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE)
                .build();
        FieldCrypto crypto = cryptoOf(Instances.withPolicy(kit, receptionOnly)).build();
        FieldRef phone = PHONE.at("p-1", anna);
        assertThatThrownBy(() -> crypto.seal(writer, TREATMENT, phone, "+79123456789"))
                .as("the first kit's policy lets doctors write; this instance's does not").isInstanceOf(AccessDeniedException.class);
        String sealed = crypto.seal(Principal.of("reception-1", "receptionist"), TREATMENT, phone, "+79123456789");

        assertThatThrownBy(() -> crypto.open(Principal.of("dr-house", "doctor").withMfa(), TREATMENT, phone, sealed))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.PURPOSE_NOT_GRANTED));
        assertThat(crypto.open(Principal.of("reception-1", "receptionist"), TREATMENT, phone, sealed)).isEqualTo("+79123456789");
    }

    @Test
    void withNoPolicyOnTheKitTheBuilderSaysWhereToSetIt() {
        ConsentKit kit = clinicKit(dev.consentkit.core.memory.InMemoryStorage.create(), null);

        assertThatThrownBy(() -> cryptoOf(kit).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FieldCrypto needs an access policy (set it with ConsentKit.Builder.accessPolicy: field"
                        + " encryption checks the kit's policy)");
        assertThatThrownBy(() -> FieldCrypto.builder(Instances.of(kit)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FieldCrypto needs key-encryption keys (keyEncryptionKeys), an access policy (set it with"
                        + " ConsentKit.Builder.accessPolicy: field encryption checks the kit's policy), a blind-index key"
                        + " (blindIndexKey)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aCachedDataKeyIsForgottenAfterItsTimeToLiveByTheKitsClock(String name, Supplier<ConsentStorage> storage) {
        ConsentKit kit = clinicKit(storage.get(), doctors(clinic()));
        FieldCrypto crypto = cryptoOf(kit).keyCacheTtl(Duration.ofMinutes(5)).build();
        FieldCrypto elsewhere = cryptoOf(kit).build();
        FieldRef phone = PHONE.at("p-1", anna);
        String sealed = crypto.seal(writer, TREATMENT, phone, "+79123456789");
        Principal reception = Principal.of("reception-1", "receptionist");
        assertThat(crypto.open(reception, TREATMENT, phone, sealed)).isEqualTo("+79123456789");

        // another instance (another node of the host) shreds the patient: this one still holds the key
        elsewhere.shred(anna, Set.of(), Actor.operator("dpo"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(crypto.open(reception, TREATMENT, phone, sealed)).as("within the TTL").isEqualTo("+79123456789");

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> crypto.open(reception, TREATMENT, phone, sealed))
                .as("the TTL is over: the key is looked up again and is gone").isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void theDefaultTimeToLiveIsTenMinutesAndAShredHereEvictsAtOnce() {
        ConsentKit kit = clinicKit(dev.consentkit.core.memory.InMemoryStorage.create(), doctors(clinic()));
        FieldCrypto crypto = cryptoOf(kit).build();
        FieldCrypto elsewhere = cryptoOf(kit).build();
        FieldRef phone = PHONE.at("p-1", anna);
        Principal reception = Principal.of("reception-1", "receptionist");
        String sealed = crypto.seal(writer, TREATMENT, phone, "+79123456789");
        elsewhere.shred(anna, Set.of(), Actor.operator("dpo"));

        clock.advance(FieldCrypto.Builder.DEFAULT_CACHE_TTL.minusSeconds(1));
        assertThat(crypto.open(reception, TREATMENT, phone, sealed)).isEqualTo("+79123456789");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> crypto.open(reception, TREATMENT, phone, sealed)).isInstanceOf(KeyDestroyedException.class);

        String again = crypto.seal(writer, TREATMENT, phone, "+79000000000");
        assertThat(crypto.open(reception, TREATMENT, phone, again)).isEqualTo("+79000000000");
        crypto.shred(anna, Set.of(), Actor.operator("dpo"));
        assertThatThrownBy(() -> crypto.open(reception, TREATMENT, phone, again))
                .as("no clock step: the shred evicted the key").isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void aTimeToLiveMustBePositiveAndAtMostADay() {
        FieldCrypto.Builder builder = FieldCrypto.builder(clinicKit(dev.consentkit.core.memory.InMemoryStorage.create(), null));
        assertThatThrownBy(() -> builder.keyCacheTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key cache TTL must be positive and at most one day, got PT0S");
        assertThatThrownBy(() -> builder.keyCacheTtl(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.keyCacheTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.keyCacheTtl(Duration.ofDays(1))).isSameAs(builder);
    }
}
