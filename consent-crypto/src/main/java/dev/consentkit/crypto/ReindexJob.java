package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.protection.SealedValue;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves a blind index to its current version: every entry computed with an earlier normaliser
 * version is computed again, from the plaintext, with the index's version, and entries stored before
 * key groups were recorded are attributed to the index's group and field. Until it has run, older
 * entries keep answering {@link FieldCrypto#find} through their own version.
 *
 * <pre>{@code
 * ReindexReport report = ReindexJob.builder(crypto, EMAIL_INDEX)   // declared to crypto
 *         .source(subject -> clients.sealedEmails(subject))          // the host's rows
 *         .reader(Principal.of("reindex", "maintenance"), CLIENT_RECORDS)
 *         .build()
 *         .run(progress -> log.info("{}", progress));
 * }</pre>
 *
 * <p><b>Reading.</b> The job needs each plaintext, so it opens the values the host's
 * {@link ReindexSource} gives through {@link FieldCrypto#open} with the reader and purpose it was
 * built with: the access policy must grant the reader's role {@code READ} for that purpose on the
 * field's declared category (the job asks for no {@code WRITE}: it only recomputes entries that are
 * there), and the purpose must be permitted for the subject (a contract or legitimate-interests purpose
 * usually is). Every value read is audited as an opening. A subject the purpose is not permitted for
 * is skipped and keeps its older entry; a reader the policy refuses stops the run
 * ({@link AccessDeniedException}). Subjects with no key left in the index's group were shredded:
 * their older entries are removed without a new one.
 *
 * <p><b>Batches.</b> Subjects with older entries are visited in the storage's order of subject ids,
 * {@code batchSize} at a time. For each batch the values are read and opened outside any unit of
 * work; then one unit of work replaces each subject's older entries by the new one (only if they are
 * still there: a subject re-indexed or erased meanwhile is left as it is), and appends a progress
 * audit record ({@link #PROGRESS}). {@code progress} hears the running totals after each commit.
 *
 * <p><b>Resuming.</b> Idempotent: what is moved is no longer older, so a run after a crash (the
 * source, the storage or {@code progress} failing, the process killed) carries on with what is left,
 * and a run with nothing left moves nothing. Skipped subjects are tried again by every run.
 *
 * <p><b>Audit.</b> {@link #STARTED}, {@link #PROGRESS} after each batch, {@link #FINISHED} at the end,
 * by the job's actor, naming the index, the version and counts; never a value or a subject.
 *
 * <p>Immutable and thread-safe; run one job per index at a time (two would do the work twice).
 */
public final class ReindexJob {
    /** A re-index run started (after attributing old entries). */
    public static final AuditAction STARTED = new AuditAction("index.reindex_started");
    /** A re-index batch was committed. */
    public static final AuditAction PROGRESS = new AuditAction("index.reindex_progress");
    /** A re-index run went through every subject. */
    public static final AuditAction FINISHED = new AuditAction("index.reindex_finished");
    /** Default {@link Builder#batchSize}. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final FieldCrypto crypto;
    private final IndexSpec spec;
    private final ReindexSource source;
    private final Principal reader;
    private final PurposeId purpose;
    private final Actor actor;
    private final int batchSize;

    private ReindexJob(Builder b) {
        this.crypto = b.crypto;
        this.spec = b.spec;
        this.source = b.source;
        this.reader = b.reader;
        this.purpose = b.purpose;
        this.actor = b.actor;
        this.batchSize = b.batchSize;
    }

    /**
     * @param crypto the field crypto that seals the index's field and holds the index key
     * @param index the index to move to its version
     * @return a builder
     * @throws IllegalArgumentException if the index is not declared to {@code crypto}
     *     ({@link FieldCrypto.Builder#blindIndex(BlindIndex)})
     */
    public static Builder builder(FieldCrypto crypto, BlindIndex index) {
        return new Builder(crypto, Objects.requireNonNull(index, "index").spec());
    }

    /**
     * @param crypto the field crypto that seals the index's fields and holds the index key
     * @param index the compound index to move to its version
     * @return a builder
     * @throws IllegalArgumentException if the index is not declared to {@code crypto}
     *     ({@link FieldCrypto.Builder#blindIndex(CompoundBlindIndex)})
     */
    public static Builder builder(FieldCrypto crypto, CompoundBlindIndex index) {
        return new Builder(crypto, Objects.requireNonNull(index, "index").spec());
    }

    /**
     * Runs the job to the end of the subjects with older entries.
     *
     * @param progress told the running totals after every committed batch; may throw to stop the run
     * @return the totals of this run
     * @throws AccessDeniedException if the policy refuses the reader (the batches before are committed)
     * @throws IllegalArgumentException if the source returns values of another field or another number
     *     of values than the index has parts
     * @throws IllegalStateException if the field crypto is write-only
     * @throws RuntimeException what the source, the storage or {@code progress} throws; the batches
     *     before are committed, and the next run carries on
     */
    public ReindexReport run(Consumer<? super ReindexReport> progress) {
        Objects.requireNonNull(progress, "progress");
        ConsentKit kit = crypto.kit();
        int version = spec.version();
        int attributed = KitContext.of(kit).storage().inTransaction(tx -> {
            int n = BlindIndexStore.in(tx).attribute(spec.name(), spec.group(), spec.field());
            KitContext.of(kit).append(tx, event(STARTED, "v" + version + " attributed=" + n));
            return n;
        });
        ReindexReport totals = new ReindexReport(spec.name(), version, attributed, 0, 0, 0, 0);
        Optional<SubjectId> after = Optional.empty();
        while (true) {
            Optional<SubjectId> cursor = after;
            List<SubjectId> page = KitContext.of(kit).storage().read(tx -> BlindIndexStore.in(tx).olderThan(spec.name(), version, cursor, batchSize));
            if (page.isEmpty()) {
                break;
            }
            List<Step> steps = new ArrayList<>();
            for (SubjectId subject : page) {
                steps.add(step(kit, subject));
            }
            ReindexReport before = totals;
            totals = KitContext.of(kit).storage().inTransaction(tx -> {
                ReindexReport now = apply(BlindIndexStore.in(tx), before, steps);
                KitContext.of(kit).append(tx, event(PROGRESS, counts(now)));
                return now;
            });
            progress.accept(totals);
            after = Optional.of(page.get(page.size() - 1));
        }
        ReindexReport done = totals;
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, event(FINISHED, counts(done))));
        return done;
    }

    /** What to do with one subject's older entries. */
    private record Step(SubjectId subject, Kind kind, String term) {
    }

    private enum Kind { MOVE, DROP, SKIP }

    private Step step(ConsentKit kit, SubjectId subject) {
        KeyedHash subjectRef = kit.subjectRef(subject);
        boolean keysLeft = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(subjectRef)).stream()
                .anyMatch(k -> k.group().equals(spec.group()));
        if (!keysLeft) {
            return new Step(subject, Kind.DROP, null);
        }
        List<SealedValue> sealed = source.values(subject);
        Objects.requireNonNull(sealed, "the re-index source returned null");
        if (sealed.isEmpty()) {
            return new Step(subject, Kind.DROP, null);
        }
        if (sealed.size() != spec.parts().size()) {
            throw new IllegalArgumentException("the re-index source gave " + sealed.size() + " value(s) for blind index "
                    + spec.name() + ", which has " + spec.parts().size() + " part(s)");
        }
        String[] values = new String[sealed.size()];
        for (int i = 0; i < values.length; i++) {
            ProtectedField field = spec.parts().get(i).field();
            SealedValue value = sealed.get(i);
            if (!value.table().equals(field.table()) || !value.column().equals(field.column())) {
                throw new IllegalArgumentException("the re-index source gave a value of " + value.table() + "."
                        + value.column() + " for part " + (i + 1) + " of blind index " + spec.name() + ", which is " + field);
            }
            // A field declared with a replacement opens as that text once its key is gone; the check of
            // keys left above, and apply() moving only entries still there (shredding removes them in
            // the unit of work that destroys the keys), keep a replacement text out of the index.
            FieldRef ref = new FieldRef(value.table(), value.column(), value.rowKey(), subject, value.version());
            try {
                values[i] = crypto.open(reader, purpose, ref, value.ciphertext());
            } catch (KeyDestroyedException shredded) {
                return new Step(subject, Kind.DROP, null);
            } catch (PurposeNotPermittedException | DecryptionException unreadable) {
                return new Step(subject, Kind.SKIP, null);
            }
        }
        try {
            return new Step(subject, Kind.MOVE, crypto.indexing().term(spec, values));
        } catch (IllegalArgumentException notNormalisable) {
            return new Step(subject, Kind.SKIP, null);
        }
    }

    private ReindexReport apply(BlindIndexStore store, ReindexReport before, List<Step> steps) {
        int version = spec.version();
        int moved = before.moved();
        int dropped = before.dropped();
        int skipped = before.skipped();
        for (Step step : steps) {
            switch (step.kind()) {
                case SKIP -> skipped++;
                case DROP -> dropped += store.removeOlderThan(spec.name(), version, step.subject()) > 0 ? 1 : 0;
                case MOVE -> {
                    // still older? then no index() or erasure came in between, and the value read is current
                    if (store.removeOlderThan(spec.name(), version, step.subject()) > 0) {
                        store.put(BlindIndexing.entry(spec, step.subject(), step.term()));
                        moved++;
                    }
                }
            }
        }
        return new ReindexReport(spec.name(), version, before.attributed(), moved, dropped, skipped, before.batches() + 1);
    }

    private static String counts(ReindexReport r) {
        return "v" + r.version() + " moved=" + r.moved() + " dropped=" + r.dropped() + " skipped=" + r.skipped();
    }

    private AuditEvent event(AuditAction action, String what) {
        return new AuditEvent(KitContext.of(crypto.kit()).clock().instant().truncatedTo(ChronoUnit.MICROS), actor, action,
                Optional.empty(), Optional.of(purpose), AuditOutcome.SUCCESS, Optional.of(spec.name() + " " + what));
    }

    @Override
    public String toString() {
        return "ReindexJob[" + spec.name() + " to v" + spec.version() + ", batches of " + batchSize + "]";
    }

    /** Configures a {@link ReindexJob}. Not thread-safe. */
    public static final class Builder {
        private final FieldCrypto crypto;
        private final IndexSpec spec;
        private ReindexSource source;
        private Principal reader;
        private PurposeId purpose;
        private Actor actor = Actor.system("blind-index-reindex");
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(FieldCrypto crypto, IndexSpec spec) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            this.spec = crypto.indexing().declared(spec);
        }

        /**
         * @param source the host's values of the index's field(s); required
         * @return this builder
         */
        public Builder source(ReindexSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param principal who reads the values: a role the policy grants {@code purpose} on the
         *     field's category; required
         * @param purpose why: a purpose permitted for the subjects to be moved; required
         * @return this builder
         */
        public Builder reader(Principal principal, PurposeId purpose) {
            this.reader = Objects.requireNonNull(principal, "principal");
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * @param actor who the audit records name as running the job; default {@code system:blind-index-reindex}
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * @param subjects subjects per batch (per unit of work), 1 to 10 000; default {@value #DEFAULT_BATCH_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int subjects) {
            if (subjects < 1 || subjects > 10_000) {
                throw new IllegalArgumentException("batch size must be 1 to 10000, got " + subjects);
            }
            this.batchSize = subjects;
            return this;
        }

        /**
         * @return the job
         * @throws IllegalStateException if the source or the reader is missing; the message names it
         */
        public ReindexJob build() {
            List<String> missing = new ArrayList<>();
            if (source == null) {
                missing.add("a source of the host's values (source)");
            }
            if (reader == null) {
                missing.add("a reader and purpose (reader)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("ReindexJob needs " + String.join(", ", missing));
            }
            return new ReindexJob(this);
        }
    }
}
