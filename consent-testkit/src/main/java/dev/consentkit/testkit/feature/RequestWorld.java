package dev.consentkit.testkit.feature;

import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the two request suites ({@link SubjectRightsScenarios}, {@link ProvisionalDeadlineScenarios})
 * set up the same way: the adapter's fresh storage, a clock the test moves by hand, kits of a
 * jurisdiction on both, and subjects the kit knows. One per test; not thread-safe.
 */
final class RequestWorld {
    /** Where the Russian deadlines of the suites end. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final ConsentStorage storage;
    private final MutableClock clock;

    /**
     * @param storage the adapter's fresh, empty storage
     * @param start when the test begins
     */
    RequestWorld(ConsentStorage storage, Instant start) {
        this.storage = storage;
        this.clock = new MutableClock(start);
    }

    /** @return the clock every kit of this world reads */
    MutableClock clock() {
        return clock;
    }

    /**
     * @param jurisdiction the request deadlines' jurisdiction
     * @return a kit on this world's storage and clock, with the fixture catalogue and keys
     */
    ConsentKit kit(Jurisdiction jurisdiction) {
        return ConsentKit.builder().catalog(Fixtures.catalog()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).jurisdiction(jurisdiction).build();
    }

    /** Makes {@code subject} known to the kit: a requester the controller has never heard of is refused. */
    static void known(ConsentKit kit, SubjectId subject) {
        kit.consent(subject, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    /** @return the last microsecond of that day in Moscow: when a Russian deadline on it ends */
    static Instant endOfMoscowDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(MOSCOW).toInstant().minusNanos(1_000);
    }
}
