package dev.consentkit;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a host wires the features around one kit (issue 14): each built from the kit, monitoring and
 * field protection once per kit, and every feature seeing the one protection.
 */
class FeatureWiringTest {
    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));
    private final SubjectId anna = SubjectId.of("client-1");
    private final Actor dpo = Actor.operator("dpo");

    @Test
    void aHostBuildsEachFeatureFromTheKitAndTheyShareItsStoreAndAuditTrail() {
        kit.consent(anna, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        AccessMonitoring monitoring = AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build();
        SubjectRights rights = SubjectRights.builder(kit).build();
        LegalHolds holds = LegalHolds.of(kit);

        rights.receive(anna, RequestType.ACCESS, dpo);
        holds.place(HoldScope.forSubject(anna), "tax audit 2026", dpo);

        assertThat(SubjectRights.builder(kit).build().requests(anna)).as("a second build sees the same requests")
                .hasSize(1);
        assertThat(LegalHolds.of(kit).active()).hasSize(1);
        assertThat(monitoring.unacknowledged(10)).isEmpty();
        assertThat(AuditTrail.of(kit)).isSameAs(AuditTrail.of(kit));
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(Compliance.builder(kit).build().configuration().monitoring()).isPresent();
    }

    @Test
    void fieldProtectionIsConfiguredOncePerKitAndEveryFeatureSeesIt() {
        ProtectionProfile profile = new ProtectionProfile("AES-256-GCM", "per-subject data keys",
                List.of(new ProtectionProfile.Field("clients", "email", CategoryId.of("contact"), KeyGroup.of("contact"))));
        KitContext.of(kit).install(FieldProtector.class, new DescribedProtection(profile));

        assertThat(Compliance.builder(kit).build().configuration().fieldProtection()).contains("AES-256-GCM");
        assertThatThrownBy(() -> KitContext.of(kit).install(FieldProtector.class, new DescribedProtection(profile)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FieldProtector already");
        assertThat(BreachRegister.of(kit)).isNotNull();
    }

    @Test
    void monitoringIsBuiltOncePerKit() {
        AccessMonitoring.builder(kit).build();

        assertThatThrownBy(() -> AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AccessMonitoring already");
    }

    @Test
    void theContextIsReachedFromAKitOnly() {
        assertThatThrownBy(() -> KitContext.of("not a kit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ConsentKit");
        assertThatThrownBy(() -> KitContext.register(k -> null)).isInstanceOf(IllegalStateException.class);
    }
}
