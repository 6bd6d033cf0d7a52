package dev.consentkit.benchmarks;

import dev.consentkit.core.spi.Reads;
import static dev.consentkit.benchmarks.BenchmarkCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ConsentKit#check} on the in-memory store, against its limit: a bare
 * {@link ConcurrentHashMap} lookup of the same state, in the same run.
 *
 * <p>The kit holds {@value #SUBJECTS} subjects who gave newsletter consent; every 10th withdrew it,
 * every 7th withdrew it for SMS only. The baseline map holds, per subject, the very
 * {@link ConsentState} objects of the kit's projection (whole-purpose scope), read back from the
 * store after recording. Both sides are asked about the same subjects, in the same shuffled order.
 *
 * <p>The baseline is the limit because it does nothing but the lookup: no argument validation, no
 * catalogue or notice rules, no validity period, no read lock or unit of work, no defensive copy,
 * no {@link Decision} with its explanation — one hash probe and a field read. The setup checks that
 * it gives the same yes/no as the kit for every subject, so both measure the same answer.
 *
 * <p>The clock is {@link Clock#fixed fixed}, so reading the time costs the kit nothing that a real
 * clock would add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CheckBenchmark {
    /** Subjects in the store. */
    public static final int SUBJECTS = 10_000;
    /** Subjects per bulk check. */
    public static final int BATCH = 1_000;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private ConsentKit kit;
    private Map<SubjectId, ConsentState> baseline;
    private SubjectId[] subjects;
    private ConsentScope[] smsScopes;
    private List<List<SubjectId>> batches;

    /** Creates the state; JMH calls {@link #setUp()} before the first iteration. */
    public CheckBenchmark() {
    }

    /** Where each benchmark thread is in the shuffled subjects and in the batches. Not thread-safe. */
    @State(Scope.Thread)
    public static class Cursor {
        private int subject;
        private int batch;

        /** Creates a cursor at the start. */
        public Cursor() {
        }

        int nextSubject() {
            int i = subject;
            subject = i + 1 == SUBJECTS ? 0 : i + 1;
            return i;
        }

        int nextBatch() {
            int i = batch;
            batch = i + 1 == SUBJECTS / BATCH ? 0 : i + 1;
            return i;
        }
    }

    /**
     * Records the consents, copies the projection into the baseline map, and checks both agree.
     *
     * @throws IllegalStateException if kit and baseline disagree for any subject
     */
    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStorage storage = InMemoryStorage.create();
        kit = BenchmarkCatalog.kit(storage, Clock.fixed(NOW, ZoneOffset.UTC));
        List<SubjectId> ids = new ArrayList<>(SUBJECTS);
        for (int i = 0; i < SUBJECTS; i++) {
            SubjectId s = SubjectId.of(String.format(Locale.ROOT, "client-%05d", i));
            ids.add(s);
            kit.consent(s, NEWSLETTER).locale(Locale.ENGLISH)
                    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build()).give();
        }
        for (int i = 0; i < SUBJECTS; i += 7) {
            kit.consent(ids.get(i), NEWSLETTER).channel(Channel.SMS)
                    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        }
        for (int i = 0; i < SUBJECTS; i += 10) {
            kit.consent(ids.get(i), NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        }

        baseline = new ConcurrentHashMap<>();
        for (SubjectId s : ids) {
            for (ConsentState state : storage.read(tx -> Reads.states(tx, s, NEWSLETTER))) {
                if (state.scope().isWholePurpose()) {
                    baseline.put(s, state);
                }
            }
        }

        Collections.shuffle(ids, new Random(42));
        subjects = ids.toArray(SubjectId[]::new);
        smsScopes = new ConsentScope[SUBJECTS];
        batches = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            smsScopes[i] = ConsentScope.of(subjects[i], NEWSLETTER).withChannel(Channel.SMS);
        }
        for (int from = 0; from < SUBJECTS; from += BATCH) {
            batches.add(List.copyOf(ids.subList(from, from + BATCH)));
        }
        verify();
    }

    private void verify() {
        int permitted = 0;
        for (SubjectId s : subjects) {
            boolean expected = kit.check(s, NEWSLETTER).isPermitted();
            if (permits(baseline.get(s)) != expected) {
                throw new IllegalStateException("baseline and kit disagree for " + s);
            }
            permitted += expected ? 1 : 0;
        }
        int smsPermitted = 0;
        for (ConsentScope scope : smsScopes) {
            smsPermitted += kit.check(scope).isPermitted() ? 1 : 0;
        }
        // 1000 withdrew entirely; of the other 9000, the 1286 multiples of 7 that are not of 10 withdrew SMS
        if (permitted != 9_000 || smsPermitted != 9_000 - 1_286) {
            throw new IllegalStateException("unexpected state: " + permitted + " permitted, " + smsPermitted + " by SMS");
        }
    }

    private static boolean permits(ConsentState state) {
        return state != null && state.status().orElse(null) == ConsentStatus.GIVEN;
    }

    /**
     * @param cursor the thread's position
     * @return the kit's decision for the whole newsletter purpose
     */
    @Benchmark
    public Decision consentKitCheck(Cursor cursor) {
        return kit.check(subjects[cursor.nextSubject()], NEWSLETTER);
    }

    /**
     * @param cursor the thread's position
     * @return the kit's decision for the newsletter by SMS (scopes built in the setup)
     */
    @Benchmark
    public Decision consentKitCheckChannel(Cursor cursor) {
        return kit.check(smsScopes[cursor.nextSubject()]);
    }

    /**
     * @param cursor the thread's position
     * @return whether the baseline map holds a given consent for the subject
     */
    @Benchmark
    public boolean concurrentHashMapLookup(Cursor cursor) {
        return permits(baseline.get(subjects[cursor.nextSubject()]));
    }

    /**
     * @param cursor the thread's position
     * @return the kit's decisions for {@value #BATCH} subjects, read in one unit of work
     */
    @Benchmark
    public Map<SubjectId, Decision> consentKitCheckAll1000(Cursor cursor) {
        return kit.checkAll(batches.get(cursor.nextBatch()), NEWSLETTER);
    }

    /**
     * @param cursor the thread's position
     * @return how many of {@value #BATCH} subjects the baseline map permits
     */
    @Benchmark
    public int concurrentHashMapLookup1000(Cursor cursor) {
        int permitted = 0;
        for (SubjectId s : batches.get(cursor.nextBatch())) {
            if (permits(baseline.get(s))) {
                permitted++;
            }
        }
        return permitted;
    }
}
