package dev.consentkit.core.retention;

import dev.consentkit.core.hold.InMemoryHolds;
import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.PolicyId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.jurisdiction.DestructionDeadline;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces retention: keeps the business events the host reports, plans what is due (a dry run),
 * disposes of it in set-based batches and writes the destruction act.
 *
 * <pre>{@code
 * RetentionEngine retention = RetentionEngine.builder(kit)
 *         .policy(RetentionPolicy.builder(BOOKINGS, BOOKING).afterEvent(Period.ofMonths(24), BOOKING_ENDED).build())
 *         .target(BOOKING, bookingTable)           // the host's records of that category
 *         .system("Studio CRM")
 *         .build();
 * retention.recordEvent(client, BOOKING_ENDED, "booking-17", endedAt);   // EventName.of("booking.ended")
 * RetentionPlan plan = retention.plan();             // what is due, and what a hold blocks
 * RetentionRun run = retention.run(Actor.system("nightly-retention"));
 * }</pre>
 *
 * <p><b>Runs.</b> Each batch (up to {@link Builder#batchSize} items of one policy) is disposed of in
 * one unit of work that also stores the policy's disposal markers, the act entry and its audit
 * record, so a run killed halfway has disposed of whole batches only, each recorded in the act; the
 * next run continues the open act and skips what the markers name, so nothing is disposed of twice
 * and no act is missing. For {@link DisposalAction#CRYPTO_SHRED} the keys are destroyed through the
 * {@link FieldProtector} just before the batch's unit of work (shredding twice destroys nothing more).
 * Run one retention run at a time: a concurrent second run fails with a
 * {@link dev.consentkit.core.ConcurrentUpdateException} on the act and disposes of nothing twice.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionEngine {
    /** A business event recorded as a retention anchor. */
    public static final AuditAction EVENT_RECORDED = new AuditAction("retention.event_recorded");
    /** A batch disposed of; the reference is the act id. */
    public static final AuditAction DISPOSED = new AuditAction("retention.disposed");
    /** A destruction act completed; the reference is the act id. */
    public static final AuditAction ACT_COMPLETED = new AuditAction("retention.act_completed");
    /** A destruction act disposed of after its retention; the reference is the act id. */
    public static final AuditAction ACT_PURGED = new AuditAction("retention.act_purged");
    /** How long acts are kept at least: three years (Order 179). */
    public static final Period ACT_RETENTION = Period.ofYears(3);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionEngine.class);
    private final ConsentKit kit;
    private final List<RetentionPolicy> policies;
    private final Map<CategoryId, RetentionTarget> targets;
    private final Map<PolicyId, Set<KeyGroup>> shredGroups;
    private final Set<EventName> anchorEvents;
    private final HoldCheck holds;
    private final String system;
    private final Optional<String> processor;
    private final Optional<Signatory> signatory;
    private final int batchSize;
    private final Period actRetention;

    private RetentionEngine(Builder b, Map<PolicyId, Set<KeyGroup>> shredGroups) {
        this.kit = b.kit;
        this.policies = List.copyOf(b.policies.values());
        this.targets = Map.copyOf(b.targets);
        this.shredGroups = Map.copyOf(shredGroups);
        Set<EventName> events = new TreeSet<>();
        policies.forEach(p -> p.anchorEvent().ifPresent(events::add));
        this.anchorEvents = Set.copyOf(events);
        this.holds = HoldCheck.STORED;
        this.system = b.system;
        this.processor = Optional.ofNullable(b.processor);
        this.signatory = Optional.ofNullable(b.signatory);
        this.batchSize = b.batchSize;
        this.actRetention = b.actRetention;
    }

    /**
     * @param kit the kit whose storage, clock, catalogue and audit chain the engine uses
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /** @return the policies, in the order runs apply them */
    public List<RetentionPolicy> policies() {
        return policies;
    }

    /**
     * Reports a business event for every record of the subject ("the client's last invoice"); the
     * later time is kept when it was reported before.
     *
     * @param subject the subject
     * @param event the event a policy is anchored to, e.g. {@code booking.ended}
     * @param at when it happened; not in the future
     * @return whether the anchor moved
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if no policy is anchored to the event, or the time is in the future
     */
    public boolean recordEvent(SubjectId subject, EventName event, Instant at) {
        return recordEvent(subject, event, "", at);
    }

    /**
     * Reports a business event for one of the subject's records ("booking 17 ended").
     *
     * @param subject the subject
     * @param event the event a policy is anchored to
     * @param recordRef the host's id of the record; empty for every record of the subject
     * @param at when it happened; not in the future
     * @return whether the anchor moved
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if no policy is anchored to the event, the record reference is
     *                                  malformed, or the time is in the future
     */
    public boolean recordEvent(SubjectId subject, EventName event, String recordRef, Instant at) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        if (!anchorEvents.contains(event)) {
            throw new IllegalArgumentException("no retention policy is anchored to event '" + event
                    + "'; anchored events: " + anchorEvents);
        }
        Instant now = now();
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        if (time.isAfter(now)) {
            throw new IllegalArgumentException("a business event's time must not lie in the future");
        }
        if (time.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("a business event's time must not lie before 1970");
        }
        RetentionAnchor anchor = new RetentionAnchor(subject, recordRef, time);
        KeyedHash ref = kit.subjectRef(subject);
        return KitContext.of(kit).storage().inTransaction(tx -> {
            boolean moved = RetentionStore.in(tx).recordEvent(event, anchor);
            if (moved) {
                KitContext.of(kit).append(tx, new AuditEvent(now, Actor.system("retention"), EVENT_RECORDED, Optional.of(ref),
                        Optional.empty(), AuditOutcome.SUCCESS, Optional.of(event.value())));
            }
            return moved;
        });
    }

    /**
     * Reports that a purpose ended for a subject (a contract fulfilled): the anchor of
     * {@link RetentionTrigger#SINCE_PURPOSE_ENDED} policies of that purpose.
     *
     * @param subject the subject
     * @param purpose the purpose
     * @param at when it ended
     * @return whether the anchor moved
     * @throws IllegalArgumentException if no policy of the purpose is anchored to its end
     */
    public boolean purposeEnded(SubjectId subject, PurposeId purpose, Instant at) {
        return recordEvent(subject, RetentionPolicy.purposeEnded(purpose), at);
    }

    /**
     * Reports the subject's latest interaction: the anchor of {@link RetentionTrigger#SINCE_LAST_INTERACTION}.
     *
     * @param subject the subject
     * @param at when
     * @return whether the anchor moved
     * @throws IllegalArgumentException if no policy is anchored to the last interaction
     */
    public boolean interaction(SubjectId subject, Instant at) {
        return recordEvent(subject, RetentionPolicy.INTERACTION, at);
    }

    /**
     * A dry run: what is due now and what a legal hold blocks. Changes nothing.
     *
     * @return the plan
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    public RetentionPlan plan() {
        Instant now = now();
        List<DueItem> due = new ArrayList<>();
        List<BlockedItem> blocked = new ArrayList<>();
        for (RetentionPolicy policy : policies) {
            DueCursor cursor = cursor(policy, now);
            while (!cursor.done()) {
                KitContext.of(kit).storage().read(tx -> {
                    List<DueItem> page = cursor.next(tx);
                    if (!page.isEmpty()) {
                        Map<SubjectId, String> held = holds.held(tx, policy, subjects(page), now);
                        split(page, held, due, blocked);
                    }
                    return null;
                });
            }
        }
        return new RetentionPlan(now, due, blocked);
    }

    /**
     * Disposes of everything due now, batch by batch, continuing an act a killed run left open.
     *
     * @param actor who runs it (a scheduled component or a member of staff)
     * @return what was done
     * @throws RuntimeException a target's or the store's failure; the batches before it are disposed
     *                          of and recorded, the failed one is not, and the next run continues
     */
    public RetentionRun run(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Optional<DestructionAct> unfinished = KitContext.of(kit).storage().read(tx -> RetentionStore.in(tx).unfinishedAct());
        RunState state = new RunState(actor, now, unfinished);
        for (RetentionPolicy policy : policies) {
            DueCursor cursor = cursor(policy, now);
            while (!cursor.done()) {
                List<DueItem> page = KitContext.of(kit).storage().read(cursor::next);
                if (!page.isEmpty()) {
                    disposeBatch(state, policy, page);
                }
            }
        }
        if (state.actId != null) {
            UUID actId = state.actId;
            KitContext.of(kit).storage().inTransaction(tx -> {
                RetentionStore.in(tx).completeAct(actId, now);
                KitContext.of(kit).append(tx, new AuditEvent(now, actor, ACT_COMPLETED, Optional.empty(), Optional.empty(),
                        AuditOutcome.SUCCESS, Optional.of(actId.toString())));
                return null;
            });
            LOG.info("retention run completed act {}: {} batches, {} items, {} blocked", actId, state.batches,
                    state.disposed, state.blocked.size());
        }
        return new RetentionRun(Optional.ofNullable(state.actId), unfinished.isPresent(), state.batches, state.disposed,
                state.blocked);
    }

    private void disposeBatch(RunState state, RetentionPolicy policy, List<DueItem> page) {
        if (policy.action() == DisposalAction.CRYPTO_SHRED) {
            // outside the batch's unit of work (the protector runs its own); repeated after a crash, it
            // destroys nothing more, and the act entry below is then written
            List<DueItem> toShred = KitContext.of(kit).storage().read(tx -> disposable(tx, policy, page, state.now, new ArrayList<>()));
            for (SubjectId subject : subjects(toShred)) {
                protector().orElseThrow().shred(subject, shredGroups.get(policy.id()), state.actor);
            }
        }
        KitContext.of(kit).storage().inTransaction(tx -> {
            List<BlockedItem> blocked = new ArrayList<>();
            List<DueItem> items = disposable(tx, policy, page, state.now, blocked);
            state.pendingBlocked = blocked;
            if (items.isEmpty()) {
                return null;
            }
            UUID actId = state.actId != null ? state.actId : openAct(tx, state);
            Optional<RetentionTarget> target = Optional.ofNullable(targets.get(policy.category()));
            DisposalBatch batch = new DisposalBatch(policy, items);
            target.ifPresent(t -> t.dispose(batch, tx));
            AuditEntry audit = KitContext.of(kit).append(tx, new AuditEvent(state.now, state.actor, DISPOSED, Optional.empty(),
                    Optional.of(policy.purpose()), AuditOutcome.SUCCESS, Optional.of(actId.toString())));
            Set<KeyedHash> refs = new LinkedHashSet<>();
            subjects(items).forEach(s -> refs.add(kit.subjectRef(s)));
            RetentionStore.in(tx).addActEntry(actId, new ActEntry(state.nextEntry, policy.id(), policy.purpose(),
                    policy.category(), policy.action(), policy.reason(), List.copyOf(refs), items.size(), state.now,
                    audit.id()));
            RetentionStore.in(tx).markDisposed(policy.id(), items.stream().map(DueItem::anchor).toList(), actId);
            state.pendingItems = items.size();
            state.pendingAct = actId;
            return null;
        });
        // counted only once the unit committed
        state.blocked.addAll(state.pendingBlocked);
        if (state.pendingItems > 0) {
            state.actId = state.pendingAct;
            state.nextEntry++;
            state.batches++;
            state.disposed += state.pendingItems;
        }
        state.pendingItems = 0;
        state.pendingBlocked = List.of();
    }

    /** The page's items not yet disposed of (another run may have) and not held; held ones go to {@code blocked}. */
    private List<DueItem> disposable(StorageTransaction tx, RetentionPolicy policy, List<DueItem> page, Instant now,
                                     List<BlockedItem> blocked) {
        Set<RetentionAnchor.Key> gone = RetentionStore.in(tx).disposed(policy.id(), page.stream().map(DueItem::anchor).toList());
        List<DueItem> fresh = page.stream().filter(i -> !gone.contains(i.anchor().key())).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        Map<SubjectId, String> held = holds.held(tx, policy, subjects(fresh), now);
        List<DueItem> free = new ArrayList<>();
        split(fresh, held, free, blocked);
        return free;
    }

    private UUID openAct(StorageTransaction tx, RunState state) {
        ProcessingCatalog catalog = kit.catalog();
        DestructionAct act = new DestructionAct(UUID.randomUUID(), catalog.controller().name(),
                catalog.controller().address(), processor, system, state.actor, signatory, state.now, Optional.empty(),
                List.of());
        RetentionStore.in(tx).openAct(act);
        return act.id();
    }

    /**
     * @param actId an act id
     * @return the act with its entries, if kept
     */
    public Optional<DestructionAct> act(UUID actId) {
        Objects.requireNonNull(actId, "actId");
        return KitContext.of(kit).storage().read(tx -> RetentionStore.in(tx).act(actId));
    }

    /** @return every kept act, oldest first */
    public List<DestructionAct> acts() {
        return KitContext.of(kit).storage().read(tx -> RetentionStore.in(tx).acts());
    }

    /**
     * The export of the audit events matching an act (Order 179 asks for one beside the act when
     * processing is automated): the audit record of each of its batches, in entry order.
     *
     * @param act an act
     * @return the audit records, each verifiable in the chain
     */
    public List<AuditRecord> auditExport(DestructionAct act) {
        Objects.requireNonNull(act, "act");
        Map<Long, AuditRecord> byEntry = new HashMap<>();
        for (AuditRecord r : AuditTrail.of(kit).recordsOf(act.entries().stream().map(ActEntry::auditEntry).toList())) {
            byEntry.put(r.entryId(), r);
        }
        List<AuditRecord> records = new ArrayList<>();
        for (ActEntry e : act.entries()) {
            AuditRecord r = byEntry.get(e.auditEntry());
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }

    /**
     * Disposes of the acts that completed more than the act retention ago (at least three years), each
     * audited.
     *
     * @param actor who runs it
     * @return the ids of the acts disposed of
     */
    public List<UUID> purgeExpiredActs(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Instant cutoff = now.atZone(ZoneOffset.UTC).minus(actRetention).toInstant();
        return KitContext.of(kit).storage().inTransaction(tx -> {
            List<UUID> purged = RetentionStore.in(tx).purgeActs(cutoff);
            for (UUID id : purged) {
                KitContext.of(kit).append(tx, new AuditEvent(now, actor, ACT_PURGED, Optional.empty(), Optional.empty(),
                        AuditOutcome.SUCCESS, Optional.of(id.toString())));
            }
            return purged;
        });
    }

    private DueCursor cursor(RetentionPolicy policy, Instant now) {
        return new DueCursor(policy, Optional.ofNullable(targets.get(policy.category())), now, batchSize);
    }

    private static void split(List<DueItem> items, Map<SubjectId, String> held, List<DueItem> free,
                              List<BlockedItem> blocked) {
        for (DueItem i : items) {
            String reason = held.get(i.subject());
            if (reason == null) {
                free.add(i);
            } else {
                blocked.add(new BlockedItem(i, reason));
            }
        }
    }

    private static List<SubjectId> subjects(List<DueItem> items) {
        return List.copyOf(new LinkedHashSet<>(items.stream().map(DueItem::subject).toList()));
    }

    private Instant now() {
        return KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The kit's field protector ({@code FieldCrypto}), read when used: it may be built after this. */
    private Optional<FieldProtector> protector() {
        return KitContext.of(kit).protector();
    }

    @Override
    public String toString() {
        return "RetentionEngine[" + policies.size() + " policies, targets " + new TreeSet<>(targets.keySet()) + "]";
    }

    /** The progress of one run; committed counts move only after a batch's unit of work committed. */
    private static final class RunState {
        final Actor actor;
        final Instant now;
        final List<BlockedItem> blocked = new ArrayList<>();
        UUID actId;
        int nextEntry;
        int batches;
        long disposed;
        List<BlockedItem> pendingBlocked = List.of();
        int pendingItems;
        UUID pendingAct;

        RunState(Actor actor, Instant now, Optional<DestructionAct> unfinished) {
            this.actor = actor;
            this.now = now;
            this.actId = unfinished.map(DestructionAct::id).orElse(null);
            this.nextEntry = unfinished.map(a -> a.entries().size()).orElse(0) + 1;
        }
    }

    /**
     * Configures a {@link RetentionEngine}; {@link #build()} checks the policies against the catalogue,
     * the targets and the jurisdiction. Not thread-safe.
     */
    public static final class Builder {
        private final ConsentKit kit;
        private final Map<PolicyId, RetentionPolicy> policies = new LinkedHashMap<>();
        private final Map<CategoryId, RetentionTarget> targets = new HashMap<>();
        private String system = "ConsentKit";
        private String processor;
        private Signatory signatory;
        private int batchSize = 1_000;
        private Period actRetention = ACT_RETENTION;

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param policy a policy
         * @return this builder
         * @throws IllegalArgumentException if a policy with the same id was added
         */
        public Builder policy(RetentionPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (policies.putIfAbsent(policy.id(), policy) != null) {
                throw new IllegalArgumentException("retention policy " + policy.id() + " is declared twice");
            }
            return this;
        }

        /**
         * @param all policies, e.g. {@link RetentionPolicy#defaults}
         * @return this builder
         */
        public Builder policies(List<RetentionPolicy> all) {
            Objects.requireNonNull(all, "all").forEach(this::policy);
            return this;
        }

        /**
         * @param category a data category of the catalogue
         * @param target the host's records of it
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the category has a target already
         */
        public Builder target(CategoryId category, RetentionTarget target) {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(target, "target");
            if (targets.putIfAbsent(category, target) != null) {
                throw new IllegalArgumentException("category " + category + " has a retention target already");
            }
            return this;
        }

        /**
         * @param system the name of the information system acts name; default {@code ConsentKit}
         * @return this builder
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder system(String system) {
            Objects.requireNonNull(system, "system");
            if (system.isBlank() || system.length() > 200) {
                throw new IllegalArgumentException("the information system's name must have 1 to 200 characters");
            }
            this.system = system;
            return this;
        }

        /**
         * @param processor who processes on the operator's behalf, as acts name it
         * @return this builder
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder processor(String processor) {
            Objects.requireNonNull(processor, "processor");
            if (processor.isBlank() || processor.length() > 200) {
                throw new IllegalArgumentException("the processor's name must have 1 to 200 characters");
            }
            this.processor = processor;
            return this;
        }

        /**
         * @param signatory the person responsible for destruction, as acts name them
         * @return this builder
         */
        public Builder signatory(Signatory signatory) {
            this.signatory = Objects.requireNonNull(signatory, "signatory");
            return this;
        }

        /**
         * @param size items per batch (one unit of work each), 1 to 10 000; default 1 000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("batch size must be between 1 and 10000");
            }
            this.batchSize = size;
            return this;
        }

        /**
         * @param period how long complete acts are kept; at least three years (the default)
         * @return this builder
         * @throws IllegalArgumentException if shorter than three years
         */
        public Builder actRetention(Period period) {
            Objects.requireNonNull(period, "period");
            if (period.toTotalMonths() < 36) {
                throw new IllegalArgumentException("destruction acts are kept for at least 3 years (Order 179)");
            }
            this.actRetention = period;
            return this;
        }

        /**
         * @return the engine
         * @throws IllegalStateException if no policy is declared; a policy names an undeclared purpose,
         *         a category its purpose does not process, a withdrawal trigger on a purpose not based on
         *         consent, or a period after withdrawal or the end of the purpose longer than the kit's
         *         jurisdiction allows ({@link Jurisdiction#destruction()}: 30 days under 152-FZ) without an
         *         override; a delete, anonymise or collection-anchored policy has no
         *         target; a crypto-shred policy has no field protector or no protected field of its
         *         category; or a target's category has no policy
         */
        public RetentionEngine build() {
            KitContext context = KitContext.of(kit);
            context.requirePort(RetentionStore.class, InMemoryRetention::new);
            context.requirePort(HoldStore.class, InMemoryHolds::new);
            if (policies.isEmpty()) {
                throw new IllegalStateException("the retention engine needs at least one policy");
            }
            ProcessingCatalog catalog = kit.catalog();
            Map<PolicyId, Set<KeyGroup>> shredGroups = new HashMap<>();
            Set<CategoryId> used = new LinkedHashSet<>();
            for (RetentionPolicy p : policies.values()) {
                Purpose purpose = catalog.purpose(p.purpose()).orElseThrow(() -> new IllegalStateException(
                        "retention policy " + p.id() + " names purpose " + p.purpose() + ", which the catalogue does not declare"));
                if (!purpose.categories().contains(p.category())) {
                    throw new IllegalStateException("retention policy " + p.id() + ": purpose " + p.purpose()
                            + " does not process category " + p.category());
                }
                if (p.trigger() == RetentionTrigger.SINCE_WITHDRAWAL && !purpose.needsConsent()) {
                    throw new IllegalStateException("retention policy " + p.id() + " runs from withdrawal, but purpose "
                            + p.purpose() + " is based on " + purpose.basis() + ", not consent");
                }
                Optional<DestructionDeadline> destruction = KitContext.of(kit).jurisdiction().destruction();
                if (destruction.isPresent() && p.statutoryOverride().isEmpty()
                        && (p.trigger() == RetentionTrigger.SINCE_WITHDRAWAL
                        || p.trigger() == RetentionTrigger.SINCE_PURPOSE_ENDED)
                        && p.mayExceedDays(destruction.get().within().amount())) {
                    throw new IllegalStateException("retention policy " + p.id() + " keeps data " + p.period()
                            + " after " + (p.trigger() == RetentionTrigger.SINCE_WITHDRAWAL ? "withdrawal" : "the purpose ended")
                            + ": " + destruction.get().source() + " asks for destruction within "
                            + destruction.get().within() + " (" + KitContext.of(kit).jurisdiction().id() + "); shorten it or name the"
                            + " legal ground with overridingStatutoryPeriod");
                }
                boolean needsTarget = p.action() != DisposalAction.CRYPTO_SHRED || p.trigger() == RetentionTrigger.SINCE_COLLECTION;
                if (needsTarget && !targets.containsKey(p.category())) {
                    throw new IllegalStateException("retention policy " + p.id() + " needs a retention target for category "
                            + p.category() + " (the host's records to " + p.action().name().toLowerCase(java.util.Locale.ROOT) + ")");
                }
                if (p.action() == DisposalAction.CRYPTO_SHRED) {
                    FieldProtector protector = KitContext.of(kit).protector().orElseThrow(() -> new IllegalStateException(
                            "retention policy " + p.id() + " crypto-shreds: build FieldCrypto on this kit first"));
                    Set<KeyGroup> groups = new TreeSet<>();
                    for (ProtectionProfile.Field f : protector.describe().fields()) {
                        if (f.category().equals(p.category())) {
                            groups.add(f.group());
                        }
                    }
                    if (groups.isEmpty()) {
                        throw new IllegalStateException("retention policy " + p.id() + " crypto-shreds category "
                                + p.category() + ", but no protected field belongs to it");
                    }
                    if (!groups.containsAll(p.keyGroups())) {
                        throw new IllegalStateException("retention policy " + p.id() + " names key groups "
                                + p.keyGroups() + "; the protected fields of category " + p.category() + " use " + groups);
                    }
                    shredGroups.put(p.id(), Set.copyOf(p.keyGroups().isEmpty() ? groups : p.keyGroups()));
                }
                used.add(p.category());
            }
            for (CategoryId category : targets.keySet()) {
                if (!used.contains(category)) {
                    throw new IllegalStateException("a retention target is registered for category " + category
                            + ", but no retention policy disposes of it");
                }
            }
            return new RetentionEngine(this, shredGroups);
        }
    }
}
