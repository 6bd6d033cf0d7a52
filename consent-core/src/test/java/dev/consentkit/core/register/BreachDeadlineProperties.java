package dev.consentkit.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.jurisdiction.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the breach clocks (M23) over any detection and awareness times: each deadline lies
 * exactly its clock's hours after its start, whatever the weekday, holiday or season; the 152-FZ
 * 24-hour notice is never after the GDPR deadline; the list is ordered.
 */
class BreachDeadlineProperties {

    @Property
    void deadlinesAreExactWallClockHoursFromTheirStart(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long detectedMicros,
            @ForAll @LongRange(min = 0, max = 30L * 24 * 3600 * 1_000_000) long awarenessDelayMicros) {
        Instant detected = Instant.EPOCH.plus(Duration.ofNanos(detectedMicros * 1_000));
        Instant aware = detected.plus(Duration.ofNanos(awarenessDelayMicros * 1_000));

        List<BreachDeadline> deadlines = BreachDeadlines.of(List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ),
                detected, aware);

        Instant gdpr = deadlines.stream().filter(d -> d.is("gdpr", "authority-notice")).findFirst().orElseThrow().dueAt();
        Instant ruInitial = deadlines.stream().filter(d -> d.is("ru_152fz", "initial-notice")).findFirst().orElseThrow()
                .dueAt();
        Instant ruResults = deadlines.stream().filter(d -> d.is("ru_152fz", "investigation-results")).findFirst()
                .orElseThrow().dueAt();
        assertThat(Duration.between(aware, gdpr)).isEqualTo(Duration.ofHours(72));
        assertThat(Duration.between(detected, ruInitial)).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(detected, ruResults)).isEqualTo(Duration.ofHours(72));
        assertThat(ruInitial).isBefore(gdpr);
        assertThat(ruResults).isBeforeOrEqualTo(gdpr);
        assertThat(deadlines).extracting(BreachDeadline::dueAt).isSorted();
    }
}
