package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.crypto.internal.FieldCiphertext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Encrypts what is already there: seals every plaintext value of a host's column and fills its blind
 * index, batch by batch, resumable.
 *
 * <pre>{@code
 * SealingReport report = SealingJob.builder(crypto, PHONE)        // a declared protected field
 *         .column(clientPhones)                                    // the host's rows (PlaintextColumn)
 *         .index(PHONE_INDEX)                                      // optional: fill this blind index too
 *         .writer(Principal.of("migration", "maintenance"), BOOKING)
 *         .build()
 *         .run(progress -> log.info("{}", progress));
 * }</pre>
 *
 * <p><b>Writing.</b> Each value is sealed with {@link FieldCrypto#seal} as the writer, for the purpose
 * it was built with: the access policy must grant the writer's role {@code WRITE} on the field's
 * declared category (a refusal is audited and stops the run before anything of that batch is
 * written). Sealing happens outside any unit of work; then one unit of work per batch replaces each
 * row's plaintext by its sealed value ({@link PlaintextColumn#replace}, only where the row still holds
 * the plaintext read), writes the subject's blind-index entry, and appends a progress audit record
 * ({@link #PROGRESS}) — all or nothing. {@code progress} hears the running totals after each commit.
 *
 * <p><b>Resuming.</b> A row that holds a ConsentKit ciphertext is sealed already and is left alone,
 * so a run after a crash (the column, the storage or {@code progress} failing, the process killed)
 * walks the column again and seals what is left, and a run with nothing left seals nothing. A value
 * whose text happens to be a well-formed ConsentKit ciphertext is taken as sealed.
 *
 * <p><b>Blind index.</b> The index's entry of a subject is replaced with each row sealed for it (an
 * index holds one value per subject): use it for columns with one row per subject. A value the index's
 * normaliser refuses is sealed without an entry and counted as unindexable.
 *
 * <p><b>Audit.</b> {@link #STARTED}, {@link #PROGRESS} after each batch, {@link #FINISHED} at the end,
 * by the job's actor, naming the field and counts; never a value, a row or a subject. Sealing is not
 * audited value by value (writing reveals nothing), as {@link FieldCrypto#seal} is not.
 *
 * <p>Immutable and thread-safe; run one job per column at a time (two would do the work twice).
 */
public final class SealingJob {
    /** A sealing run started. */
    public static final AuditAction STARTED = new AuditAction("field.sealing_started");
    /** A sealing batch was committed. */
    public static final AuditAction PROGRESS = new AuditAction("field.sealing_progress");
    /** A sealing run went through every row. */
    public static final AuditAction FINISHED = new AuditAction("field.sealing_finished");
    /** Default {@link Builder#batchSize}. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final FieldCrypto crypto;
    private final ProtectedField field;
    private final PlaintextColumn column;
    private final Optional<IndexSpec> index;
    private final Principal writer;
    private final PurposeId purpose;
    private final Actor actor;
    private final int batchSize;
    private final BatchTransaction batchTransaction;

    /**
     * Runs each batch inside a transaction of the host's, for hosts whose transaction manager the
     * storage joins (so {@link PlaintextColumn#replace} may write through the host's own repositories):
     * e.g. {@code batch -> transactionTemplate.executeWithoutResult(s -> batch.run())}. The default runs
     * the batch as it is, in the storage's own unit of work.
     */
    @FunctionalInterface
    public interface BatchTransaction {
        /**
         * @param batch the batch; run it exactly once, inside the transaction
         */
        void run(Runnable batch);
    }

    private SealingJob(Builder b) {
        this.crypto = b.crypto;
        this.field = b.field;
        this.column = b.column;
        this.index = Optional.ofNullable(b.index);
        this.writer = b.writer;
        this.purpose = b.purpose;
        this.actor = b.actor;
        this.batchSize = b.batchSize;
        this.batchTransaction = b.batchTransaction;
    }

    /**
     * @param crypto the field crypto that declares the field
     * @param field the protected field the column holds, as declared to {@code crypto}
     * @return a builder
     * @throws IllegalArgumentException if the field is not declared to {@code crypto}
     */
    public static Builder builder(FieldCrypto crypto, ProtectedField field) {
        return new Builder(crypto, field);
    }

    /**
     * Runs the job to the end of the column.
     *
     * @param progress told the running totals after every committed batch; may throw to stop the run
     * @return the totals of this run
     * @throws AccessDeniedException if the policy refuses the writer (the batches before are committed)
     * @throws RuntimeException what the column, the storage or {@code progress} throws; the batches
     *     before are committed, and the next run carries on
     */
    public SealingReport run(Consumer<? super SealingReport> progress) {
        Objects.requireNonNull(progress, "progress");
        ConsentKit kit = crypto.kit();
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, event(STARTED, index.map(i -> "index " + i.name()).orElse("no index"))));
        SealingReport totals = new SealingReport(field.toString(), 0, 0, 0, 0, 0, 0);
        Optional<String> after = Optional.empty();
        while (true) {
            List<ColumnRow> page = Objects.requireNonNull(column.page(after, batchSize), "the column returned null");
            if (page.isEmpty()) {
                break;
            }
            List<Step> steps = new ArrayList<>(page.size());
            for (ColumnRow row : page) {
                steps.add(step(row));
            }
            SealingReport before = totals;
            SealingReport[] committed = new SealingReport[1];
            batchTransaction.run(() -> committed[0] = KitContext.of(kit).storage().inTransaction(tx -> {
                SealingReport now = apply(tx, before, steps);
                KitContext.of(kit).append(tx, event(PROGRESS, now.counts()));
                return now;
            }));
            totals = Objects.requireNonNull(committed[0], "the batch transaction did not run the batch");
            progress.accept(totals);
            after = Optional.of(page.get(page.size() - 1).rowKey());
            if (page.size() < batchSize) {
                break;
            }
        }
        SealingReport done = totals;
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, event(FINISHED, done.counts())));
        return done;
    }

    /** What to do with one row. */
    private record Step(ColumnRow row, Kind kind, String sealed, String term) {
    }

    private enum Kind { SEAL, ALREADY, SKIP }

    private Step step(ColumnRow row) {
        String value = row.value();
        if (value == null) {
            return new Step(row, Kind.SKIP, null, null);
        }
        if (isSealed(value)) {
            return new Step(row, Kind.ALREADY, null, null);
        }
        String sealed;
        try {
            sealed = crypto.seal(writer, purpose, field.at(row.rowKey(), row.subject()), value);
        } catch (IllegalArgumentException notSealable) {
            return new Step(row, Kind.SKIP, null, null); // not well-formed text, or a row key FieldRef refuses
        }
        String term = null;
        if (index.isPresent()) {
            try {
                term = crypto.indexing().term(index.get(), value);
            } catch (IllegalArgumentException notNormalisable) {
                term = null;
            }
        }
        return new Step(row, Kind.SEAL, sealed, term);
    }

    private SealingReport apply(dev.consentkit.core.spi.StorageTransaction tx, SealingReport before, List<Step> steps) {
        int sealed = before.sealed();
        int already = before.alreadySealed();
        int changed = before.changed();
        int skipped = before.skipped();
        int unindexable = before.unindexable();
        for (Step step : steps) {
            switch (step.kind()) {
                case ALREADY -> already++;
                case SKIP -> skipped++;
                case SEAL -> {
                    ColumnRow row = step.row();
                    if (!column.replace(tx, row.rowKey(), row.value(), step.sealed())) {
                        changed++;
                    } else {
                        sealed++;
                        if (index.isPresent() && step.term() != null) {
                            BlindIndexStore.in(tx).remove(index.get().name(), row.subject());
                            BlindIndexStore.in(tx).put(BlindIndexing.entry(index.get(), row.subject(), step.term()));
                        } else if (index.isPresent()) {
                            unindexable++;
                        }
                    }
                }
            }
        }
        return new SealingReport(before.field(), sealed, already, changed, skipped, unindexable, before.batches() + 1);
    }

    static boolean isSealed(String value) {
        try {
            FieldCiphertext.parseText(value);
            return true;
        } catch (DecryptionException notCiphertext) {
            return false;
        }
    }

    private AuditEvent event(AuditAction action, String what) {
        return new AuditEvent(KitContext.of(crypto.kit()).clock().instant().truncatedTo(ChronoUnit.MICROS), actor, action,
                Optional.empty(), Optional.of(purpose), AuditOutcome.SUCCESS, Optional.of(field + " " + what));
    }

    @Override
    public String toString() {
        return "SealingJob[" + field + index.map(i -> ", index " + i.name()).orElse("") + ", batches of " + batchSize + "]";
    }

    /** Configures a {@link SealingJob}. Not thread-safe. */
    public static final class Builder {
        private final FieldCrypto crypto;
        private final ProtectedField field;
        private PlaintextColumn column;
        private IndexSpec index;
        private Principal writer;
        private PurposeId purpose;
        private Actor actor = Actor.system("field-sealing");
        private int batchSize = DEFAULT_BATCH_SIZE;
        private BatchTransaction batchTransaction = Runnable::run;

        private Builder(FieldCrypto crypto, ProtectedField field) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            Objects.requireNonNull(field, "field");
            ProtectedField declared = crypto.fields().get(field.table() + "." + field.column());
            if (declared == null || !declared.equals(field)) {
                throw new IllegalArgumentException("protected field " + field + " is not declared to this FieldCrypto"
                        + " as it is given: declare it with FieldCrypto.builder(kit).fields(...)");
            }
            this.field = declared;
        }

        /**
         * @param column the host's rows of the field; required
         * @return this builder
         */
        public Builder column(PlaintextColumn column) {
            this.column = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * @param index a blind index over the field, declared to the field crypto, to fill as values are sealed
         * @return this builder
         * @throws IllegalArgumentException if the index is not declared, or indexes another field
         */
        public Builder index(BlindIndex index) {
            IndexSpec spec = crypto.indexing().declared(Objects.requireNonNull(index, "index").spec());
            if (!index.field().equals(field)) {
                throw new IllegalArgumentException("blind index " + index.name() + " indexes " + index.field()
                        + ", not " + field);
            }
            this.index = spec;
            return this;
        }

        /**
         * @param principal who writes: a role the policy grants WRITE for {@code purpose} on the field's category; required
         * @param purpose why the values were collected; required
         * @return this builder
         */
        public Builder writer(Principal principal, PurposeId purpose) {
            this.writer = Objects.requireNonNull(principal, "principal");
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * @param actor who the audit records name as running the job; default {@code system:field-sealing}
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * @param rows rows per batch (per unit of work), 1 to 10 000; default {@value #DEFAULT_BATCH_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("batch size must be 1 to 10000, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * @param transaction runs each batch inside a transaction of the host's; default none
         * @return this builder
         */
        public Builder batchTransaction(BatchTransaction transaction) {
            this.batchTransaction = Objects.requireNonNull(transaction, "transaction");
            return this;
        }

        /**
         * @return the job
         * @throws IllegalStateException if the column or the writer is missing; the message names it
         */
        public SealingJob build() {
            List<String> missing = new ArrayList<>();
            if (column == null) {
                missing.add("the host's column (column)");
            }
            if (writer == null) {
                missing.add("a writer and purpose (writer)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("SealingJob needs " + String.join(", ", missing));
            }
            return new SealingJob(this);
        }
    }
}
