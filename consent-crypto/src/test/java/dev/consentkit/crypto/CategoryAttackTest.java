package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.BORIS;
import static dev.consentkit.crypto.AttackWorld.DESIGNER;
import static dev.consentkit.crypto.AttackWorld.DPO;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.EMAIL_INDEX;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 2 (Medium): the category came from the caller. {@code open} checked the policy
 * against the category of the caller's {@code ProtectedField}, so a role granted only {@code order}
 * opened {@code client.email} by passing {@code ProtectedField.of("client", "email", "order", ...)},
 * and a health field opened without MFA when passed as {@code contact}. A cell is now named by table
 * and column only; category and key group come from the declared field, and an undeclared field is
 * refused (M11: need-to-know access, MFA for sensitive categories).
 */
class CategoryAttackTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aRoleGrantedOnlyOrderCannotOpenTheEmailByCallingItAnOrderField_M11(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        ProtectedField forged = ProtectedField.of("client", "email", CategoryId.of("order"), KeyGroup.of("contract"));

        assertThatThrownBy(() -> w.crypto.open(DESIGNER, ORDERS, forged.at("row-1", ANNA), stored))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED))
                .hasMessageNotContaining("anna");
        assertThat(w.audit(FieldCrypto.FIELD_OPEN_REFUSED)).singleElement().satisfies(r -> {
            assertThat(r.event().actor()).isEqualTo(dev.consentkit.core.Actor.operator("ivan"));
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(r.event().reference()).contains("client.email");
        });
        assertThat(w.audit(FieldCrypto.FIELD_OPENED)).as("nothing was opened").isEmpty();
        // the designer may write an order field, so the same forged category does not let them write e-mails either
        assertThatThrownBy(() -> w.crypto.seal(DESIGNER, ORDERS, forged.at("row-1", ANNA), "evil@example.org"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aForgedKeyGroupDoesNotSteerAValueUnderAnotherGroupsKey() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        ProtectedField forged = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));

        String stored = w.crypto.seal(MANAGER, ORDERS, forged.at("row-1", ANNA), "anna@example.org");

        assertThat(w.keysOf(ANNA)).extracting(k -> k.group().value()).containsExactly("contract");
        w.crypto.shred(ANNA, Set.of(KeyGroup.of("marketing")), DPO);
        assertThat(w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), stored))
                .as("sealed under the declared contract key, which the marketing shred leaves").isEqualTo("anna@example.org");
    }

    @Test
    void anUndeclaredFieldIsRefusedWithAClearMessageAndNothingIsStored() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        ProtectedField undeclared = ProtectedField.of("client", "iban", CategoryId.of("contact"), KeyGroup.of("contract"));
        int before = w.audit().size();

        assertThatThrownBy(() -> w.crypto.seal(MANAGER, ORDERS, undeclared.at("row-1", ANNA), "DE89370400440532013000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no protected field is declared for client.iban: declare it with FieldCrypto.builder(kit).fields(...)");
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, undeclared.at("row-1", ANNA), "ck1.AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no protected field is declared for client.iban");
        assertThatThrownBy(() -> w.crypto.resealIfOld(undeclared.at("row-1", ANNA), "ck1.AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.keysOf(ANNA)).as("no key was made").isEmpty();
        assertThat(w.audit()).hasSize(before);
    }

    @Test
    void anUndeclaredOrDifferentBlindIndexIsRefusedAndADeclaredOneIsCheckedForItsFieldsCategory() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        ProtectedField phone = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
        BlindIndex undeclared = BlindIndex.sized(IndexName.of("client.phone"), phone, Normalizer.PHONE_E164, 16, 1_000_000);
        BlindIndex wider = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 18, 1_000_000);
        // the designer's own category named on the index, to get past the check on contact details
        BlindIndex disguised = BlindIndex.sized(IndexName.of("client.email"),
                ProtectedField.of("client", "email", CategoryId.of("order"), KeyGroup.of("contract")), Normalizer.EMAIL, 16, 1_000_000);
        w.crypto.index(MANAGER, ORDERS, EMAIL_INDEX, ANNA, "anna@example.org");

        assertThatThrownBy(() -> w.crypto.find(MANAGER, ORDERS, undeclared, "+79123456789"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no blind index client.phone is declared");
        assertThatThrownBy(() -> w.crypto.find(MANAGER, ORDERS, wider, "anna@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.email differs from the one declared under that name");
        assertThatThrownBy(() -> w.crypto.find(DESIGNER, ORDERS, disguised, "anna@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.email differs from the one declared under that name");
        assertThatThrownBy(() -> w.crypto.index(DESIGNER, ORDERS, disguised, BORIS, "boris@example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.crypto.find(DESIGNER, ORDERS, EMAIL_INDEX, "anna@example.org"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED));
        assertThat(w.crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "boris@example.org")).as("nothing stored").isEmpty();
    }

    @Test
    void theBuilderRefusesAFieldOfAnUnknownCategoryAndAnIndexOverAnUndeclaredOrDifferentlyDeclaredField() {
        ConsentKit kit = Instances.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"),
                AccessPolicy.builder(Fixtures.catalog()).build());
        FieldCrypto.Builder builder = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), AttackWorld.filled(7)))
                .blindIndexKey(HmacKey.of(AttackWorld.filled(9)));

        assertThatThrownBy(() -> builder.fields(ProtectedField.of("client", "email", CategoryId.of("contakt"), KeyGroup.of("contract"))).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("protected field client.email names data category 'contakt', which the catalogue does not declare");
        FieldCrypto.Builder other = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), AttackWorld.filled(7)))
                .blindIndexKey(HmacKey.of(AttackWorld.filled(9)))
                .blindIndex(EMAIL_INDEX);
        assertThatThrownBy(other::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("blind index client.email holds client.email, which is not declared with fields(...)");
        FieldCrypto.Builder disguised = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), AttackWorld.filled(7)))
                .blindIndexKey(HmacKey.of(AttackWorld.filled(9)))
                .fields(EMAIL)
                .blindIndex(BlindIndex.sized(IndexName.of("client.email"), ProtectedField.of("client", "email", CategoryId.of("order"), KeyGroup.of("contract")),
                        Normalizer.EMAIL, 16, 1_000_000));
        assertThatThrownBy(disguised::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("blind index client.email holds client.email as category 'order' in key group contract, but it is"
                        + " declared as category 'contact' in key group contract: an index takes both from the declared field");
    }

    /** A clinic: diagnoses are a sensitive category, which needs a second factor whatever the role. */
    @Test
    void aSensitiveFieldCannotSkipTheMfaRuleByBeingCalledAContactField_M11() {
        PurposeId treatment = PurposeId.of("treatment");
        ProcessingCatalog clinic = ProcessingCatalog.builder()
                .controller(Controller.of("Clinic Lumen LLC", "privacy@clinic-lumen.example"))
                .jurisdiction("RU").defaultLocale(Locale.ENGLISH)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .category(new DataCategory(CategoryId.of("health"), LocalizedText.of(Locale.ENGLISH, "Diagnoses"), true))
                .purpose(Purpose.builder(treatment).name(LocalizedText.of(Locale.ENGLISH, "Treatment"))
                        .description(LocalizedText.of(Locale.ENGLISH, "Treating the patient."))
                        .basis(LegalBasis.CONTRACT).categories(CategoryId.of("contact"), CategoryId.of("health")).build())
                .build();
        ConsentKit kit = ConsentKit.builder().catalog(clinic).storage(InMemoryStorage.create())
                .clock(MutableClock.at("2026-03-02T10:00:00Z"))
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(AccessPolicy.builder(clinic).grant("doctor").purposes(treatment)
                        .categories(CategoryId.of("contact"), CategoryId.of("health")).actions(AccessAction.READ, AccessAction.WRITE).build())
                .build();
        ProtectedField diagnosis = ProtectedField.of("patient", "diagnosis", CategoryId.of("health"), KeyGroup.of("care"));
        FieldCrypto crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), AttackWorld.filled(7)))
                .blindIndexKey(HmacKey.of(AttackWorld.filled(9)))
                .fields(diagnosis)
                .build();
        Principal doctor = Principal.of("dr-house", "doctor");
        SubjectId patient = SubjectId.of("patient-1001");
        String stored = crypto.seal(doctor.withMfa(), treatment, diagnosis.at("p-1", patient), "J45.0 asthma");
        ProtectedField disguised = ProtectedField.of("patient", "diagnosis", CategoryId.of("contact"), KeyGroup.of("care"));

        assertThatThrownBy(() -> crypto.open(doctor, treatment, disguised.at("p-1", patient), stored))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.MFA_REQUIRED))
                .hasMessageNotContaining("asthma");
        assertThat(crypto.open(doctor.withMfa(), treatment, disguised.at("p-1", patient), stored)).isEqualTo("J45.0 asthma");
    }
}
