package dev.consentkit.core.retention;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the number of records, the batch size and the batch a run is killed in, the next run
 * finishes the job: every record disposed of exactly once, one complete act counting all of them,
 * entries numbered without gaps, and a third run that does nothing (M25).
 */
class RetentionRunProperties {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Actor NIGHTLY = Actor.system("nightly-retention");

    @Property(tries = 60)
    void aKilledRunAndItsRerunDisposeOfEveryRecordExactlyOnce(@ForAll @IntRange(min = 1, max = 40) int records,
                                                              @ForAll @IntRange(min = 1, max = 12) int batch,
                                                              @ForAll @IntRange(min = 1, max = 8) int killedIn,
                                                              @ForAll @IntRange(min = 1, max = 5) int recordsPerClient) {
        MutableClock clock = new MutableClock(T);
        ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);
        HostRecords orders = new HostRecords();
        RetentionEngine retention = RetentionEngine.builder(kit)
                .policy(RetentionPolicy.builder(ORDERS, CategoryId.of("order")).afterEvent(Period.ofMonths(24), EventName.of("order.closed")).build())
                .target(CategoryId.of("order"), orders).batchSize(batch).build();
        for (int i = 0; i < records; i++) {
            SubjectId client = SubjectId.of("client-" + (i / recordsPerClient));
            orders.add("order-" + i, client, T);
            retention.recordEvent(client, EventName.of("order.closed"), "order-" + i, T.minusSeconds(i));
        }
        clock.set(T.plus(Duration.ofDays(731)));
        orders.failOnBatch(killedIn);

        int batches = (records + batch - 1) / batch;
        boolean killed;
        try {
            retention.run(NIGHTLY);
            killed = false;
        } catch (IllegalStateException e) {
            killed = true;
        }
        assertThat(killed).isEqualTo(killedIn <= batches);
        RetentionRun second = retention.run(NIGHTLY);
        RetentionRun third = retention.run(NIGHTLY);

        assertThat(orders.rows()).isEmpty();
        assertThat(orders.disposedLog).hasSize(records).doesNotHaveDuplicates();
        List<DestructionAct> acts = retention.acts();
        assertThat(acts).hasSize(1);
        DestructionAct act = acts.get(0);
        assertThat(act.complete()).isTrue();
        assertThat(act.recordCount()).isEqualTo(records);
        assertThat(act.entries()).extracting(ActEntry::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, act.entries().size()).boxed().toList());
        assertThat(second.resumed()).isEqualTo(killed && killedIn > 1);
        assertThat(third.disposed()).isZero();
        assertThat(third.actId()).isEmpty();
    }
}
