package dev.consentkit.core.json;

import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subject's whole consent history written as JSON and read back. */
class ConsentHistoryJsonTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);
    private final ConsentJson json = ConsentJson.create();
    private final SubjectId anna = SubjectId.of("client-1001");

    private ConsentHistory livedHistory() {
        kit.consent(anna, NEWSLETTER).locale(RU).idempotencyKey("signup-5f2c")
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Firefox/140").build())
                .give();
        clock.advance(Duration.ofDays(3).plusNanos(1_000));
        kit.consent(anna, NEWSLETTER).channel(Channel.SMS)
                .evidence(kit.evidence(CollectionMethod.PHONE_CALL).recordedBy(Actor.operator("desk-2")).build())
                .withdraw();
        clock.advance(Duration.ofHours(1));
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        kit.consent(anna, PORTFOLIO).asset(AssetId.of("project-42")).notice("1.0", EN)
                .occurredAt(clock.instant().minus(Duration.ofDays(1)))
                .evidence(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-1"))
                        .guardian("guardian-77").attachment("scans/2026/03/form-17.pdf").build())
                .give();
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        kit.liftRestriction(anna, ORDERS, Actor.operator("dpo"));
        return kit.history(anna);
    }

    @Test
    void historyReadsBackEqual_M4() {
        ConsentHistory history = livedHistory();

        String text = json.writeHistory(history);
        ConsentHistory read = json.readHistory(text);

        assertThat(read).isEqualTo(history);
        assertThat(read.entries()).extracting(e -> e.event().kind()).containsExactly(
                ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.RESTRICTED,
                ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.RESTRICTION_LIFTED);
        assertThat(json.writeHistory(read)).isEqualTo(text);
    }

    @Test
    void historyKeepsScopesNoticesAndEvidence() {
        List<LedgerEntry> entries = json.readHistory(json.writeHistory(livedHistory())).entries();

        assertThat(entries.get(0).event().idempotencyKey()).hasValueSatisfying(k -> assertThat(k.value()).isEqualTo("signup-5f2c"));
        assertThat(entries.get(0).event().validUntil()).isPresent();
        assertThat(entries.get(1).event().scope().channel()).contains(Channel.SMS);
        assertThat(entries.get(1).event().notice()).isEmpty();
        assertThat(entries.get(1).event().occurredAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00.000001Z"));
        assertThat(entries.get(2).event().notice()).as("a restriction answers no notice").isEmpty();
        assertThat(entries.get(2).event().evidence().recordedBy()).isEqualTo(Actor.operator("dpo"));
        assertThat(entries.get(3).event().scope().asset()).contains(AssetId.of("project-42"));
        assertThat(entries.get(3).event().notice()).hasValueSatisfying(n -> assertThat(n.locale()).isEqualTo(EN));
        assertThat(entries.get(3).event().evidence().guardian()).contains("guardian-77");
        assertThat(entries).extracting(LedgerEntry::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void statusIsWrittenOnlyForKindsThatHaveOne() {
        String text = json.writeHistory(livedHistory());

        assertThat(text).contains("\"status\": \"dpv:ConsentGiven\"", "\"status\": \"dpv:ConsentWithdrawn\"");
        assertThat(text.split("\"status\"")).hasSize(1 + 4);
        assertThat(text).contains("\"kind\": \"RESTRICTED\"", "\"format\": \"consentkit-history-v1\"");
    }

    @Test
    void emptyHistoryReadsBackEqual() {
        ConsentHistory empty = kit.history(SubjectId.of("client-0000"));

        String text = json.writeHistory(empty);

        assertThat(text).contains("\"entries\": []");
        assertThat(json.readHistory(text)).isEqualTo(empty);
    }
}
