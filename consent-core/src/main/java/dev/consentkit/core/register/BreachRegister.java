package dev.consentkit.core.register;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The breach register of a kit: records personal-data breaches with their notification deadlines,
 * records the notifications sent, answers which deadlines are overdue, and lists the subjects to tell.
 *
 * <pre>{@code
 * BreachRegister breaches = BreachRegister.of(kit);
 * BreachIncident b = breaches.record(detectedAt, awareAt, BreachDetails.builder("Laptop with the order book stolen")
 *         .categories(CategoryId.of("contact"), CategoryId.of("order")).approximately(120, 340)
 *         .likelyConsequences("...").measuresTaken("...").contactPoint("privacy@studio.example").build(),
 *         List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ), Actor.operator("anna"));
 * breaches.notified(b.id(), Jurisdiction.GDPR, "authority-notice", sentAt, "DPA-2026-117", Actor.operator("anna"));
 * List<NotificationStatus> late = breaches.overdue();
 * }</pre>
 *
 * <p>Deadlines come from {@link Jurisdiction#breachClocks()} and are stored with the breach (see
 * {@link BreachDeadlines}). Every step writes its audit event in the same unit of work, naming the
 * breach id only; a refused step stores nothing and throws {@link BreachRefusedException}.
 *
 * <p>Thread-safe; as cheap to make as to keep.
 */
public final class BreachRegister {
    /** A breach recorded. */
    public static final AuditAction BREACH_RECORDED = new AuditAction("breach.recorded");
    /** A breach's details updated. */
    public static final AuditAction BREACH_UPDATED = new AuditAction("breach.updated");
    /** A notification recorded. */
    public static final AuditAction BREACH_NOTIFIED = new AuditAction("breach.notified");
    /** The affected subjects listed. */
    public static final AuditAction BREACH_SUBJECTS_LISTED = new AuditAction("breach.subjects_listed");

    private final ConsentKit kit;

    private BreachRegister(ConsentKit kit) {
        this.kit = kit;
    }

    /**
     * @param kit the kit whose catalogue, storage, clock, jurisdiction and audit chain to use; with a
     *            field protector on the kit ({@code FieldCrypto}), a breach declared encrypted is checked
     *            to touch only categories with encrypted fields
     * @return the register
     */
    public static BreachRegister of(ConsentKit kit) {
        KitContext.of(Objects.requireNonNull(kit, "kit")).requirePort(BreachStore.class, InMemoryBreaches::new);
        return new BreachRegister(kit);
    }

    /**
     * Records a breach under the kit's jurisdiction ({@code KitContext.of(kit).jurisdiction()}).
     *
     * @param detectedAt when the incident was detected
     * @param awareAt when the controller became aware of it
     * @param details what is known so far
     * @param actor who records it
     * @return the recorded incident, revision 1
     * @throws BreachRefusedException as {@link #record(Instant, Instant, BreachDetails, Collection, Actor)}
     */
    public BreachIncident record(Instant detectedAt, Instant awareAt, BreachDetails details, Actor actor) {
        return record(detectedAt, awareAt, details, List.of(KitContext.of(kit).jurisdiction()), actor);
    }

    /**
     * Records a breach and its deadlines under every given jurisdiction (a studio with clients in the
     * EU and in Russia names both).
     *
     * @param detectedAt when the incident was detected
     * @param awareAt when the controller became aware of it; not before {@code detectedAt}, not in the future
     * @param details what is known so far
     * @param jurisdictions whose clocks apply; at least one
     * @param actor who records it
     * @return the recorded incident, revision 1
     * @throws BreachRefusedException if the times are out of order ({@code TIME_OUT_OF_ORDER}) or the data
     *                                is declared encrypted where it is not ({@code ENCRYPTION_NOT_DECLARED})
     * @throws IllegalArgumentException if a category is not declared, no jurisdiction is given, or two
     *                                  profiles with one id declare different breach clocks
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if a purpose is not declared
     */
    public BreachIncident record(Instant detectedAt, Instant awareAt, BreachDetails details,
                                 Collection<Jurisdiction> jurisdictions, Actor actor) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Instant detected = micros(Objects.requireNonNull(detectedAt, "detectedAt"));
        Instant aware = micros(Objects.requireNonNull(awareAt, "awareAt"));
        List<Jurisdiction> applying = byId(jurisdictions);
        if (applying.isEmpty()) {
            throw new IllegalArgumentException("a breach is recorded under at least one jurisdiction");
        }
        if (aware.isBefore(detected)) {
            throw refused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER,
                    "breach times out of order: awareness lies before detection");
        }
        if (aware.isAfter(now)) {
            throw refused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER,
                    "breach times out of order: awareness lies in the future");
        }
        check(details, Optional.empty());
        BreachIncident incident = new BreachIncident(BreachId.random(), 1, detected, aware, now, now, details,
                BreachDeadlines.of(applying, detected, aware));
        return KitContext.of(kit).storage().inTransaction(tx -> {
            BreachStore.in(tx).add(incident);
            audit(tx, BREACH_RECORDED, incident.id(), actor, now);
            return incident;
        });
    }

    /**
     * One profile per id, the first given: a profile adjusted with {@code withZone} or {@code withCalendar}
     * is the same jurisdiction (breach clocks run in hours, not in its zone or calendar), so it is not
     * counted twice; two profiles with one id but different breach clocks are a mistake.
     */
    private static List<Jurisdiction> byId(Collection<Jurisdiction> jurisdictions) {
        Map<String, Jurisdiction> byId = new LinkedHashMap<>();
        for (Jurisdiction j : Objects.requireNonNull(jurisdictions, "jurisdictions")) {
            Jurisdiction first = byId.putIfAbsent(Objects.requireNonNull(j, "jurisdiction").id(), j);
            if (first != null && !first.breachClocks().equals(j.breachClocks())) {
                throw new IllegalArgumentException("two profiles of jurisdiction " + j.id()
                        + " declare different breach clocks; give one");
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * Replaces what is known about a breach (information given in phases); times and deadlines stay.
     *
     * @param id the breach
     * @param details the new details
     * @param actor who updates it
     * @return the incident, one revision up
     * @throws BreachRefusedException if the breach is unknown, or the data is declared encrypted where it is not
     * @throws dev.consentkit.core.ConcurrentUpdateException if another writer updated it meanwhile
     */
    public BreachIncident update(BreachId id, BreachDetails details, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        return KitContext.of(kit).storage().inTransaction(tx -> {
            BreachIncident stored = require(tx, id);
            check(details, Optional.of(id));
            BreachIncident updated = new BreachIncident(id, stored.revision() + 1, stored.detectedAt(),
                    stored.awareAt(), stored.recordedAt(), later(now, stored.updatedAt()), details, stored.deadlines());
            if (!BreachStore.in(tx).update(updated)) {
                throw new dev.consentkit.core.ConcurrentUpdateException("breach " + id
                        + " was updated by another writer; read it again", null);
            }
            audit(tx, BREACH_UPDATED, id, actor, now);
            return updated;
        });
    }

    /**
     * Records a notification sent by its deadline.
     *
     * @param id the breach
     * @param jurisdiction the jurisdiction of the clock
     * @param clock the clock's name, e.g. {@code "authority-notice"}
     * @param sentAt when it was sent; not before detection, not in the future
     * @param reference the authority's case number or the host's reference
     * @param actor who records it
     * @return the notification
     * @throws BreachRefusedException if the breach or clock is unknown, the clock is notified already,
     *                                the record lacks a field the notification needs ({@code CONTENT_MISSING},
     *                                naming the fields), the time is out of order, or the notification is
     *                                late ({@code DELAY_REASON_REQUIRED}: use {@link #notifiedLate})
     */
    public BreachNotification notified(BreachId id, Jurisdiction jurisdiction, String clock, Instant sentAt,
                                       String reference, Actor actor) {
        return notify(id, jurisdiction, clock, sentAt, reference, Optional.empty(), actor);
    }

    /**
     * Records a notification sent after its deadline, with the reasons for the delay (GDPR Art. 33(1)).
     *
     * @param id the breach
     * @param jurisdiction the jurisdiction of the clock
     * @param clock the clock's name
     * @param sentAt when it was sent
     * @param reference the authority's case number or the host's reference
     * @param delayReason why it is late
     * @param actor who records it
     * @return the notification
     * @throws BreachRefusedException as {@link #notified}, and {@code NOT_LATE} if it was sent in time
     */
    public BreachNotification notifiedLate(BreachId id, Jurisdiction jurisdiction, String clock, Instant sentAt,
                                           String reference, String delayReason, Actor actor) {
        return notify(id, jurisdiction, clock, sentAt, reference, Optional.of(delayReason), actor);
    }

    private BreachNotification notify(BreachId id, Jurisdiction jurisdiction, String clock, Instant sentAt,
                                      String reference, Optional<String> delayReason, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Instant sent = micros(Objects.requireNonNull(sentAt, "sentAt"));
        return KitContext.of(kit).storage().inTransaction(tx -> {
            BreachIncident incident = require(tx, id);
            String where = "breach " + id + ", " + jurisdiction.id() + "/" + clock;
            BreachDeadline deadline = incident.deadline(jurisdiction.id(), clock).orElseThrow(() ->
                    refused(BreachRefusedException.Reason.UNKNOWN_CLOCK, where + ": the breach has no such clock"));
            if (BreachStore.in(tx).notifications(id).stream()
                    .anyMatch(n -> n.jurisdiction().equals(deadline.jurisdiction()) && n.clock().equals(clock))) {
                throw refused(BreachRefusedException.Reason.ALREADY_NOTIFIED, where + ": already notified");
            }
            if (sent.isBefore(incident.detectedAt())) {
                throw refused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER,
                        where + ": times out of order: sent before the breach was detected");
            }
            if (sent.isAfter(now)) {
                throw refused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER,
                        where + ": times out of order: sent in the future");
            }
            List<String> missing = NotificationContent.missing(clock, incident.details());
            if (!missing.isEmpty()) {
                throw refused(BreachRefusedException.Reason.CONTENT_MISSING,
                        where + ": cannot be marked notified, the record lacks " + String.join(", ", missing));
            }
            boolean late = sent.isAfter(deadline.dueAt());
            if (late && delayReason.isEmpty()) {
                throw refused(BreachRefusedException.Reason.DELAY_REASON_REQUIRED, where + ": sent after the deadline "
                        + deadline.dueAt() + " (" + deadline.source() + "): a reason for the delay is required");
            }
            if (!late && delayReason.isPresent()) {
                throw refused(BreachRefusedException.Reason.NOT_LATE, where + ": sent by the deadline "
                        + deadline.dueAt() + ": record it without a delay reason");
            }
            BreachNotification n = new BreachNotification(id, deadline.jurisdiction(), clock, sent, now, reference,
                    delayReason, actor);
            BreachStore.in(tx).addNotification(n);
            audit(tx, BREACH_NOTIFIED, id, actor, now);
            return n;
        });
    }

    /**
     * @param id a breach id
     * @return the incident, if recorded
     */
    public Optional<BreachIncident> find(BreachId id) {
        Objects.requireNonNull(id, "id");
        return KitContext.of(kit).storage().read(tx -> BreachStore.in(tx).find(id));
    }

    /** @return every recorded breach, by awareness time */
    public List<BreachIncident> list() {
        return KitContext.of(kit).storage().read(tx -> BreachStore.in(tx).list());
    }

    /**
     * @param id a breach
     * @return its notifications, by sending time
     */
    public List<BreachNotification> notifications(BreachId id) {
        Objects.requireNonNull(id, "id");
        return KitContext.of(kit).storage().read(tx -> BreachStore.in(tx).notifications(id));
    }

    /**
     * @param id a breach
     * @return every clock of the breach and where it stands now, earliest deadline first
     * @throws BreachRefusedException if the breach is unknown
     */
    public List<NotificationStatus> status(BreachId id) {
        Objects.requireNonNull(id, "id");
        Instant now = now();
        return KitContext.of(kit).storage().read(tx -> status(require(tx, id), BreachStore.in(tx).notifications(id), now));
    }

    /**
     * The deadlines passed without a notification, over every breach: what the compliance report
     * flags.
     *
     * @return the overdue clocks, earliest deadline first
     */
    public List<NotificationStatus> overdue() {
        Instant now = now();
        return KitContext.of(kit).storage().read(tx -> {
            List<NotificationStatus> overdue = new ArrayList<>();
            for (BreachIncident incident : BreachStore.in(tx).list()) {
                boolean anyPassed = incident.deadlines().stream().anyMatch(d -> now.isAfter(d.dueAt()));
                if (anyPassed) {
                    status(incident, BreachStore.in(tx).notifications(incident.id()), now).stream()
                            .filter(NotificationStatus::isOverdue).forEach(overdue::add);
                }
            }
            overdue.sort(Comparator.comparing((NotificationStatus s) -> s.deadline().dueAt())
                    .thenComparing(s -> s.breach().value()));
            return List.copyOf(overdue);
        });
    }

    /**
     * Lists the subjects a breach affects, for telling them (GDPR Art. 34), and audits the listing.
     *
     * <p>The kit's stores know a subject for a purpose when it has a consent record, a restriction or
     * an objection for it; they do not know the host's clients of a contract or legal-obligation
     * purpose who never had one. The list is therefore the union of: every subject with a state in
     * the consent projection for an affected purpose (named by the breach, or processing an affected
     * category), whatever the state (data of withdrawn consent may still be kept), and the subjects
     * the host names from its own tables. The host remains responsible for the completeness of the
     * second part.
     *
     * @param id the breach
     * @param alsoAffected subjects the host found affected in its own tables; may be empty
     * @param actor who asks
     * @return the affected subjects and whether they must be told
     * @throws BreachRefusedException if the breach is unknown
     */
    public AffectedSubjects affectedSubjects(BreachId id, Collection<SubjectId> alsoAffected, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        List<SubjectId> extra = List.copyOf(alsoAffected);
        Instant now = now();
        return KitContext.of(kit).storage().inTransaction(tx -> {
            BreachIncident incident = require(tx, id);
            BreachDetails d = incident.details();
            Set<PurposeId> purposes = new TreeSet<>(Comparator.comparing(PurposeId::value));
            purposes.addAll(d.purposes());
            for (Purpose p : kit.catalog().purposes()) {
                if (p.categories().stream().anyMatch(d.categories()::contains)) {
                    purposes.add(p.id());
                }
            }
            Set<SubjectId> subjects = new TreeSet<>(Comparator.comparing(SubjectId::value));
            for (PurposeId p : purposes) {
                tx.projection().forPurpose(p, s -> subjects.add(s.scope().subject()));
            }
            subjects.addAll(extra);
            boolean required = d.risk() == BreachRisk.HIGH && !d.encryptedWithUncompromisedKeys();
            String basis = d.risk() != BreachRisk.HIGH
                    ? "not required: the risk is not high (GDPR Art. 34(1))"
                    : d.encryptedWithUncompromisedKeys()
                    ? "not required: the data was encrypted under keys not compromised (GDPR Art. 34(3)(a))"
                    : "required: high risk to the subjects (GDPR Art. 34(1))";
            audit(tx, BREACH_SUBJECTS_LISTED, id, actor, now);
            return new AffectedSubjects(id, purposes, List.copyOf(subjects), required, basis);
        });
    }

    private static List<NotificationStatus> status(BreachIncident incident, List<BreachNotification> sent,
                                                   Instant now) {
        List<NotificationStatus> status = new ArrayList<>();
        for (BreachDeadline d : incident.deadlines()) {
            Optional<BreachNotification> n = sent.stream()
                    .filter(x -> d.is(x.jurisdiction(), x.clock())).findFirst();
            NotificationStatus.State state = n.map(x -> x.sentAt().isAfter(d.dueAt())
                            ? NotificationStatus.State.NOTIFIED_LATE : NotificationStatus.State.NOTIFIED_ON_TIME)
                    .orElse(now.isAfter(d.dueAt()) ? NotificationStatus.State.OVERDUE : NotificationStatus.State.PENDING);
            status.add(new NotificationStatus(incident.id(), d, n, state));
        }
        return List.copyOf(status);
    }

    private void check(BreachDetails details, Optional<BreachId> id) {
        for (CategoryId c : details.categories()) {
            if (kit.catalog().category(c).isEmpty()) {
                throw new IllegalArgumentException("breach names unknown data category '" + c + "'");
            }
        }
        details.purposes().forEach(kit.catalog()::require);
        Optional<ProtectionProfile> protection = KitContext.of(kit).protector().map(FieldProtector::describe);
        if (details.encryptedWithUncompromisedKeys() && protection.isPresent()) {
            for (CategoryId c : details.categories()) {
                if (protection.get().fields().stream().noneMatch(f -> f.category().equals(c))) {
                    throw refused(BreachRefusedException.Reason.ENCRYPTION_NOT_DECLARED, "breach "
                            + id.map(BreachId::value).orElse("(new)") + " is declared encrypted, but data category '"
                            + c + "' has no encrypted field");
                }
            }
        }
    }

    private static BreachIncident require(StorageTransaction tx, BreachId id) {
        return BreachStore.in(tx).find(id).orElseThrow(() ->
                refused(BreachRefusedException.Reason.UNKNOWN_BREACH, "breach " + id + " is not recorded"));
    }

    private void audit(StorageTransaction tx, AuditAction action, BreachId id, Actor actor, Instant now) {
        KitContext.of(kit).append(tx, new AuditEvent(now, actor, action, Optional.empty(), Optional.empty(),
                AuditOutcome.SUCCESS, Optional.of(id.value())));
    }

    private static BreachRefusedException refused(BreachRefusedException.Reason reason, String message) {
        return new BreachRefusedException(reason, message);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return micros(KitContext.of(kit).clock().instant());
    }

    @Override
    public String toString() {
        return "BreachRegister[" + kit + "]";
    }
}
