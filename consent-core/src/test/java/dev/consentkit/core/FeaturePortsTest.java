package dev.consentkit.core;

import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.core.rights.RequestStore;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.testkit.fixtures.ConsentOnlyStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: a storage offers the ports it has; consent works on a storage that offers the consent
 * ports only, and a feature built on it fails at once, naming the port it misses and the storage.
 */
class FeaturePortsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final ConsentKit kit = Fixtures.kit(new ConsentOnlyStorage(), clock);

    @Test
    void consentWorksOnAStorageThatOffersTheConsentPortsOnly() {
        kit.consent(SubjectId.of("client-1"), NEWSLETTER).locale(Fixtures.RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build()).give();

        assertThat(kit.check(SubjectId.of("client-1"), NEWSLETTER).isPermitted()).isTrue();
    }

    @Test
    void eachFeatureBuiltOnItFailsNamingItsPortAndTheStorage() {
        assertMissing(() -> LegalHolds.of(kit), HoldStore.class);
        assertMissing(() -> SubjectRights.builder(kit).build(), RequestStore.class);
        assertMissing(() -> SubjectDataService.builder(kit).build(), RequestStore.class);
        assertMissing(() -> RetentionEngine.builder(kit).build(), RetentionStore.class);
        assertMissing(() -> BreachRegister.of(kit), BreachStore.class);
        assertMissing(() -> AccessMonitoring.builder(kit).build(), AlertStore.class);
    }

    @Test
    void onAnInMemoryStorageEachFeatureAttachesItsOwnStore() {
        ConsentKit memoryKit = Fixtures.kit(InMemoryStorage.create(), clock);

        LegalHolds.of(memoryKit);
        SubjectRights.builder(memoryKit).build();
        BreachRegister.of(memoryKit);
        AccessMonitoring.builder(memoryKit).build();

        assertThat(KitContext.of(memoryKit).offers(HoldStore.class)).isTrue();
        assertThat(KitContext.of(memoryKit).offers(RequestStore.class)).isTrue();
        assertThat(KitContext.of(memoryKit).offers(BreachStore.class)).isTrue();
        assertThat(KitContext.of(memoryKit).offers(AlertStore.class)).isTrue();
        assertThat(KitContext.of(memoryKit).offers(RetentionStore.class))
                .as("not built, not attached").isFalse();
    }

    /**
     * A second kit over the same in-memory storage, given the first kit's view of it (as ConsentKit's own
     * modules do for a second field protector), still runs on the in-memory storage: a feature built on it
     * first attaches its store there, and the first kit sees it.
     */
    @Test
    void aKitOverAnotherKitsViewOfAnInMemoryStorageAttachesToThatStorage() {
        ConsentKit first = Fixtures.kit(InMemoryStorage.create(), clock);
        ConsentKit second = Fixtures.kit(KitContext.of(first).storage(), clock);

        SubjectDataService.builder(second).build();

        assertThat(KitContext.of(second).offers(RequestStore.class)).isTrue();
        assertThat(KitContext.of(second).offers(HoldStore.class)).isTrue();
        assertThat(KitContext.of(first).offers(RequestStore.class)).as("the same storage").isTrue();
    }

    private static void assertMissing(ThrowingCallable build, Class<?> port) {
        assertThatThrownBy(build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offers no " + port.getSimpleName() + " port")
                .hasMessageContaining("ConsentOnlyStorage");
    }
}
