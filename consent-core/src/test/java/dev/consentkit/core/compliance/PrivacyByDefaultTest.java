package dev.consentkit.core.compliance;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.context.KitContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.json.ComplianceJson;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Privacy by default (GDPR Art. 25(2), M27): the configuration of a kit given nothing but a catalogue
 * and its keys, snapshotted as a golden file, and the defaults it promises checked against behaviour.
 */
class PrivacyByDefaultTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    private ConsentKit defaults(ProcessingCatalog catalog) {
        return ConsentKit.builder().catalog(catalog).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
    }

    @Test
    void theDefaultConfigurationMatchesItsSnapshot() {
        KitConfiguration c = Compliance.builder(defaults(ComplianceWorld.catalog(ComplianceWorld.notice(), true))).build()
                .configuration();

        Golden.assertMatches("default-configuration.json", ComplianceJson.create().writeConfiguration(c));
    }

    @Test
    void noPurposeIsActiveWithoutABasisAndConsentPurposesPermitNothingUntilConsentIsGiven() {
        ConsentKit kit = defaults(ComplianceWorld.catalog(ComplianceWorld.notice(), true));
        SubjectId fresh = SubjectId.of("client-never-asked");

        for (KitConfiguration.PurposeSetting p : Compliance.builder(kit).build().configuration().purposes()) {
            Purpose purpose = kit.catalog().require(p.id());
            assertThat(p.basis()).isEqualTo(purpose.basis());
            Decision live = kit.check(fresh, purpose.id());
            if (purpose.needsConsent()) {
                assertThat(p.withoutRecord()).isEqualTo("DENIED: NEVER_GIVEN");
                assertThat(live.isPermitted()).isFalse();
            } else {
                assertThat(p.withoutRecord()).isEqualTo("PERMITTED");
                assertThat(live.isPermitted()).isTrue();
            }
        }
        assertThatThrownBy(() -> Purpose.builder(PurposeId.of("no-basis")).name(LocalizedText.of(Locale.ENGLISH, "n"))
                .description(LocalizedText.of(Locale.ENGLISH, "d")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("legal basis");
    }

    @Test
    void deadlinesAreTheStrictStatutoryOnes() {
        KitConfiguration c = Compliance.builder(defaults(Fixtures.catalog())).build().configuration();

        assertThat(c.jurisdiction()).isEqualTo("gdpr");
        assertThat(c.requestDeadlines()).anySatisfy(d -> assertThat(d).startsWith("ACCESS: 1 months, extendable by 2 months"));
        assertThat(c.breachClocks()).anySatisfy(d -> assertThat(d).contains("72 hours"));
        assertThat(c.clockTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.keyRotationPeriod()).isEqualTo(Duration.ofDays(365));
        assertThat(KitContext.of(defaults(Fixtures.catalog())).jurisdiction().breachClocks()).allSatisfy(b ->
                assertThat(b.within().unit()).isEqualTo(dev.consentkit.core.jurisdiction.LegalPeriod.Unit.HOURS));
    }

    @Test
    void byDefaultUnencryptedSensitiveDataNoMfaAndNoMonitoringAreReportedNotAssumedAway() {
        ConsentKit kit = defaults(ComplianceWorld.catalog(ComplianceWorld.notice(), true));
        KitConfiguration c = Compliance.builder(kit).build().configuration();

        assertThat(c.categories()).filteredOn(KitConfiguration.CategorySetting::sensitive)
                .singleElement().satisfies(h -> {
                    assertThat(h.encrypted()).isFalse();
                    assertThat(h.mfaToOpen()).isFalse();
                });
        assertThat(c.accessPolicy()).isFalse();
        assertThat(c.fieldProtection()).isEmpty();
        assertThat(c.monitoring()).isEmpty();
        assertThat(Compliance.builder(kit).build().report().findings()).extracting(Finding::check)
                .containsExactly("category.encryption", "category.mfa", "monitoring.enabled");
    }

    @Test
    void theCleanStudiosConfigurationShowsWhatIsEncryptedAndBehindMfa() {
        KitConfiguration c = Compliance.builder(ComplianceWorld.studio(
                ComplianceWorld.clean(dev.consentkit.core.memory.InMemoryStorage.create(), clock))).build().configuration();

        assertThat(c.categories()).extracting(KitConfiguration.CategorySetting::id,
                KitConfiguration.CategorySetting::encrypted, KitConfiguration.CategorySetting::mfaToOpen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CategoryId.of("contact"), true, false),
                        org.assertj.core.groups.Tuple.tuple(CategoryId.of("health"), true, true),
                        org.assertj.core.groups.Tuple.tuple(CategoryId.of("order"), false, false),
                        org.assertj.core.groups.Tuple.tuple(CategoryId.of("photo"), false, false));
        assertThat(c.fieldProtection()).contains("AES-256-GCM");
        assertThat(c.monitoring()).isPresent();
    }
}
