package dev.consentkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BreachRegisterContract;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The core's {@link BreachRegisterContract} scenarios on embedded H2, schema applied by the installer. */
class H2BreachRegisterTest extends BreachRegisterContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }

    @Test
    void breachesAreNeverDeletedAndOnlyTheIncidentRowIsUpdated() {
        RecordingDataSource ds = new RecordingDataSource(H2Databases.installed());
        MutableClock clock = MutableClock.at("2026-11-27T18:05:00Z");
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        BreachRegister breaches = BreachRegister.of(kit);
        Instant aware = Instant.parse("2026-11-27T18:00:00Z");
        Actor dpo = Actor.operator("dpo");

        BreachIncident b = breaches.record(aware, aware, BreachDetails.builder("x").build(),
                List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ), dpo);
        breaches.update(b.id(), BreachDetails.builder("y").categories(CategoryId.of("contact")).approximately(1, 1)
                .likelyConsequences("c").measuresTaken("m").contactPoint("p").build(), dpo);
        breaches.notified(b.id(), Jurisdiction.GDPR, "authority-notice", aware, "DPA-1", dpo);
        breaches.overdue();
        breaches.affectedSubjects(b.id(), List.of(), dpo);

        List<String> onBreaches = ds.statements().stream().filter(s -> s.contains("ck_breach")).toList();
        assertThat(onBreaches).isNotEmpty();
        assertThat(onBreaches).noneMatch(s -> s.toUpperCase(Locale.ROOT).startsWith("DELETE"));
        assertThat(onBreaches).filteredOn(s -> s.toUpperCase(Locale.ROOT).startsWith("UPDATE"))
                .isNotEmpty().allMatch(s -> s.startsWith("UPDATE ck_breach SET"));
        assertThat(onBreaches).filteredOn(s -> s.startsWith("INSERT")).extracting(s -> s.split(" ")[2])
                .containsExactly("ck_breach", "ck_breach_deadline", "ck_breach_deadline", "ck_breach_deadline",
                        "ck_breach_notice");
    }
}
