package dev.consentkit.core.access;

import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.UnknownPurposeException;
import dev.consentkit.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Need-to-know decisions, table by table (M1, M11). */
class AccessPolicyTest {
    private static final PurposeId TREATMENT = PurposeId.of("treatment-notes");

    private static ProcessingCatalog catalog() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Clinic", "privacy@clinic.example")).jurisdiction("DE")
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(EN, "Contact"), false))
                .category(new DataCategory(CategoryId.of("order"), LocalizedText.of(EN, "Appointments"), false))
                .category(new DataCategory(CategoryId.of("health"), LocalizedText.of(EN, "Health notes"), true))
                .notice(Notice.builder(NoticeId.of("n")).version("1.0", LocalizedText.of(EN, "Yes, please.")).build())
                .notice(Notice.builder(NoticeId.of("h")).version("1.0", LocalizedText.of(EN, "I allow notes on my treatment.")).build())
                .purpose(Purpose.builder(ORDERS).name(LocalizedText.of(EN, "Appointments"))
                        .description(LocalizedText.of(EN, "Keeping appointments.")).basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact"), CategoryId.of("order")).build())
                .purpose(Purpose.builder(NEWSLETTER).name(LocalizedText.of(EN, "News"))
                        .description(LocalizedText.of(EN, "News.")).basis(LegalBasis.CONSENT).categories(CategoryId.of("contact"))
                        .notice(NoticeId.of("n")).build())
                .purpose(Purpose.builder(TREATMENT).name(LocalizedText.of(EN, "Treatment notes"))
                        .description(LocalizedText.of(EN, "Notes on treatment.")).basis(LegalBasis.CONSENT)
                        .consentType(ConsentType.EXPLICIT).categories(CategoryId.of("health")).notice(NoticeId.of("h")).build())
                .build();
    }

    private static final AccessPolicy POLICY = AccessPolicy.builder(catalog())
            .grant("reception").purposes(ORDERS).categories(CategoryId.of("contact"), CategoryId.of("order"))
            .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
            .grant("marketing").purposes(NEWSLETTER).categories(CategoryId.of("contact")).actions(AccessAction.READ)
            .grant("therapist").purposes(TREATMENT).categories(CategoryId.of("health")).actions(AccessAction.READ, AccessAction.WRITE)
            .build();

    @ParameterizedTest(name = "{0} mfa={1}: {4} {3} for {2} -> {5}")
    @CsvSource({
            "reception, false, order-fulfilment, contact, READ,   ALLOWED",
            "reception, false, order-fulfilment, order,   SEARCH, ALLOWED",
            "therapist, true,  treatment-notes,  health,  SEARCH, ACTION_NOT_GRANTED",
            "reception, false, newsletter,       contact, READ,   PURPOSE_NOT_GRANTED",
            "marketing, false, newsletter,       contact, READ,   ALLOWED",
            "marketing, false, newsletter,       contact, WRITE,  ACTION_NOT_GRANTED",
            "marketing, false, order-fulfilment, contact, READ,   PURPOSE_NOT_GRANTED",
            "therapist, false, treatment-notes,  health,  READ,   MFA_REQUIRED",
            "therapist, true,  treatment-notes,  health,  READ,   ALLOWED",
            "therapist, true,  treatment-notes,  contact, READ,   CATEGORY_NOT_GRANTED",
            "reception, true,  treatment-notes,  health,  READ,   PURPOSE_NOT_GRANTED",
    })
    void decisionsExplainThemselves_M1_M11(String role, boolean mfa, String purpose, CategoryId category,
                                           AccessAction action, String expected) {
        Principal principal = new Principal("staff-7", java.util.Set.of(role), mfa);

        AccessDecision decision = POLICY.decide(principal, PurposeId.of(purpose), category, action);

        if (expected.equals("ALLOWED")) {
            assertThat(decision).isEqualTo(new AccessDecision.Allowed(role));
        } else {
            assertThat(decision).isEqualTo(new AccessDecision.Refused(AccessDecision.Reason.valueOf(expected)));
        }
    }

    @Test
    void aPrincipalWithSeveralRolesIsAllowedByAnyOfThem() {
        Principal both = Principal.of("staff-9", "marketing", "reception");
        assertThat(POLICY.decide(both, NEWSLETTER, CategoryId.of("contact"), AccessAction.READ).isAllowed()).isTrue();
        assertThat(POLICY.decide(both, ORDERS, CategoryId.of("order"), AccessAction.WRITE)).isEqualTo(new AccessDecision.Allowed("reception"));
    }

    @Test
    void grantsAreCheckedAgainstTheCatalogue() {
        assertThatThrownBy(() -> AccessPolicy.builder(catalog()).grant("x").purposes(PurposeId.of("nope"))
                .categories(CategoryId.of("contact")).actions(AccessAction.READ).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown purpose 'nope'");
        assertThatThrownBy(() -> AccessPolicy.builder(catalog()).grant("x").purposes(ORDERS)
                .categories(CategoryId.of("health")).actions(AccessAction.READ).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not process data category 'health'");
        assertThatThrownBy(() -> AccessPolicy.builder(catalog()).grant("x").purposes(ORDERS).categories(CategoryId.of("contact")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs purposes, categories and actions");
        assertThatThrownBy(() -> AccessPolicy.builder(catalog()).purposes(ORDERS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("grant(role)");
        assertThatThrownBy(() -> AccessPolicy.builder(Fixtures.catalog()).grant("Bad Role"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role must match");
    }

    @Test
    void unknownPurposeOrCategoryInADecisionIsAnError() {
        Principal p = Principal.of("staff-1", "reception");
        assertThatThrownBy(() -> POLICY.decide(p, PurposeId.of("nope"), CategoryId.of("contact"), AccessAction.READ))
                .isInstanceOf(UnknownPurposeException.class);
        assertThatThrownBy(() -> POLICY.decide(p, ORDERS, CategoryId.of("nope"), AccessAction.READ))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown data category 'nope'");
    }

    @Test
    void principalsValidateTheirIdAndRoles() {
        assertThatThrownBy(() -> new Principal("staff-1", java.util.Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no role");
        assertThatThrownBy(() -> Principal.of("bad id", "reception"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principal id");
        assertThat(Principal.of("staff-1", "reception").withMfa().mfaVerified()).isTrue();
    }
}
