package dev.consentkit.core.rights;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.DueTime;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.spi.SubjectLock;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data-subject requests under the kit's {@link Jurisdiction}: receive one, take it through its
 * lifecycle ({@link RequestState}), and list what is due soon or overdue (M12-M16, R-GDPR-13,
 * R-RU-10).
 *
 * <p>A deadline that reaches a year the calendar has no table for is counted on the calendar's
 * {@link dev.consentkit.core.jurisdiction.ProvisionalRule} and stored {@linkplain SubjectRequest#isProvisional() provisional}, with the
 * identity of every table and rule it used; once the year's table is loaded,
 * {@link #recomputeProvisionalDeadlines} recomputes it (see {@code docs/guide/calendars.md}).
 *
 * <pre>{@code
 * SubjectRights rights = SubjectRights.builder(kit).build();
 * SubjectRequest r = rights.receive(client, RequestType.ACCESS, Actor.operator("desk-1"));
 * rights.verifyIdentity(r.id(), Actor.operator("desk-1"));
 * rights.start(r.id(), Actor.operator("desk-1"));
 * rights.complete(r.id(), "export sent by e-mail", Actor.operator("desk-1"));
 * List<SubjectRequest> soon = rights.dueWithin(Duration.ofDays(3));
 * }</pre>
 *
 * <p>Every step is stored with its audit event in one unit of work; the event names the subject only
 * by {@link ConsentKit#subjectRef} and the request by its id — no notes, no reasons. A step the
 * lifecycle or the law does not allow throws and stores nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubjectRights {
    /** Most requests one query returns. */
    public static final int MAX_LISTED = 10_000;
    /**
     * The audit action of a recomputed provisional deadline; its reference is
     * {@code <request id> due|extended-due <old due time> <new due time>}.
     */
    public static final AuditAction DEADLINE_RECOMPUTED = new AuditAction("request.deadline_recomputed");
    private final ConsentKit kit;
    private final DeadlineCalculator deadlines;
    private final SubjectDirectory directory;

    private SubjectRights(ConsentKit kit, SubjectDirectory directory) {
        this.kit = kit;
        this.deadlines = DeadlineCalculator.of(KitContext.of(kit).jurisdiction());
        this.directory = directory;
    }

    /**
     * @param kit the kit whose storage, audit chain, clock and jurisdiction to use
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /** @return the profile whose deadlines apply */
    public Jurisdiction jurisdiction() {
        return deadlines.jurisdiction();
    }

    /** @return the deadline rules of the profile */
    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    /**
     * Records a request received now. See {@link #receive(SubjectId, RequestType, Instant, Actor)}.
     *
     * @param subject the subject
     * @param type what is asked for
     * @param actor who recorded it
     * @return the stored request, with its due time
     */
    public SubjectRequest receive(SubjectId subject, RequestType type, Actor actor) {
        return receive(subject, type, now(), actor);
    }

    /**
     * Records a request and its due time, computed once from the receipt (a letter that arrived
     * yesterday counts from yesterday).
     *
     * <p>The subject must be known: it has consent events in the ledger, or the host's
     * {@link SubjectDirectory} knows it. A request naming anyone else is refused, because the likely
     * cause is a wrong id, and an answer "we hold nothing about you" sent for a wrong id would be
     * false. Someone the host holds nothing about still gets an answer within the deadline; the host
     * registers the requester (its directory then knows the new id) and records the request.
     *
     * @param subject the subject
     * @param type what is asked for
     * @param receivedAt when it was received; not in the future
     * @param actor who recorded it
     * @return the stored request, with its due time
     * @throws UnknownSubjectException if the subject is unknown
     * @throws DuplicateRequestException if the subject has an open request of the same type
     * @throws dev.consentkit.core.jurisdiction.UnknownCalendarYearException if the deadline reaches a year the calendar has neither a
     *                                      table nor a provisional rule for
     * @throws IllegalArgumentException if {@code receivedAt} lies in the future or before 1970
     */
    public SubjectRequest receive(SubjectId subject, RequestType type, Instant receivedAt, Actor actor) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Instant received = Objects.requireNonNull(receivedAt, "receivedAt").truncatedTo(ChronoUnit.MICROS);
        if (received.isAfter(now) || received.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("a request is received between 1970 and now, not at " + received);
        }
        DueTime due = deadlines.dueTime(type, received);
        RequestStep first = new RequestStep(RequestState.RECEIVED, received, actor, Optional.empty(), Optional.empty());
        SubjectRequest request = new SubjectRequest(RequestId.random(), subject, type, jurisdiction().id(), received,
                due.at(), Optional.empty(), RequestState.RECEIVED, List.of(first), due.basis());
        // asked before the unit of work: the host's directory may read its own database
        boolean inDirectory = directory.knows(subject);
        return KitContext.of(kit).storage().inTransaction(tx -> {
            // two requests received at once take turns here, so the second sees the first (one open per type)
            tx.projection().lock(List.of(SubjectLock.requests(subject)));
            if (!inDirectory && Reads.history(tx, subject).isEmpty()) {
                throw new UnknownSubjectException(type);
            }
            for (SubjectRequest other : RequestStore.in(tx).forSubject(subject)) {
                if (other.isOpen() && other.type() == type) {
                    throw new DuplicateRequestException(type, other.id());
                }
            }
            RequestStore.in(tx).add(request);
            audit(tx, request, now, actor);
            return request;
        });
    }

    /**
     * @param id a request
     * @param actor who verified the requester's identity
     * @return the request, now {@link RequestState#IDENTITY_VERIFIED}
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalRequestTransitionException if it is not {@link RequestState#RECEIVED}
     */
    public SubjectRequest verifyIdentity(RequestId id, Actor actor) {
        return step(id, RequestState.IDENTITY_VERIFIED, actor, Optional.empty());
    }

    /**
     * @param id a request
     * @param actor who started work on it
     * @return the request, now {@link RequestState#IN_PROGRESS}
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalRequestTransitionException if its identity is not verified
     */
    public SubjectRequest start(RequestId id, Actor actor) {
        return step(id, RequestState.IN_PROGRESS, actor, Optional.empty());
    }

    /**
     * Extends the deadline of a request in progress, once, with the reason the subject is told in a
     * reasoned notice (GDPR Art. 12(3): complexity and number of requests; 152-FZ Art. 20 part 2).
     * The notice must go out before the request falls due, so an extension after that is refused.
     *
     * @param id a request
     * @param by how far: at most the jurisdiction's extension for the type, in its unit
     * @param reason why, as told to the subject; 1 to {@value RequestStep#MAX_NOTE} characters
     * @param actor who extended it
     * @return the request, now {@link RequestState#EXTENDED} with its new due time
     * @throws InvalidExtensionException if the reason is blank, the type has no extension here,
     *                                   {@code by} is past the legal maximum or in another unit, the
     *                                   request is extended already or fell due
     * @throws IllegalRequestTransitionException if it is not in progress
     * @throws UnknownRequestException if there is no such request
     * @throws dev.consentkit.core.jurisdiction.UnknownCalendarYearException if the extended deadline reaches a year the calendar has
     *                                      neither a table nor a provisional rule for
     */
    public SubjectRequest extend(RequestId id, LegalPeriod by, String reason, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank()) {
            throw new InvalidExtensionException("an extension needs the reason the subject is told");
        }
        if (reason.length() > RequestStep.MAX_NOTE) {
            throw new InvalidExtensionException("an extension's reason has at most " + RequestStep.MAX_NOTE + " characters");
        }
        Instant now = now();
        return KitContext.of(kit).storage().inTransaction(tx -> {
            SubjectRequest request = load(tx, id);
            if (request.state() == RequestState.EXTENDED) {
                throw new InvalidExtensionException("request " + id + " was extended once already; a deadline is"
                        + " extended once, by up to the legal maximum");
            }
            if (!request.state().canMoveTo(RequestState.EXTENDED)) {
                throw new IllegalRequestTransitionException(id, request.state(), RequestState.EXTENDED);
            }
            if (now.isAfter(request.dueAt())) {
                throw new InvalidExtensionException("request " + id + " fell due at " + request.dueAt()
                        + ": the reasoned notice of an extension goes out before that");
            }
            if (!request.jurisdiction().equals(jurisdiction().id())) {
                throw new InvalidExtensionException("request " + id + " was received under " + request.jurisdiction()
                        + ", the kit now runs " + jurisdiction().id());
            }
            DueTime newDue = deadlines.extendedDueTime(request.type(), request.receivedAt(), by);
            RequestStep step = new RequestStep(RequestState.EXTENDED, now, actor, Optional.of(reason),
                    Optional.of(newDue.at()), Optional.of(by));
            List<CalendarSource> basis = new ArrayList<>(request.dueBasis());
            basis.addAll(newDue.basis());
            SubjectRequest extended = request.next(step).withDeadlines(request.dueAt(), Optional.of(newDue.at()), basis);
            return advance(tx, extended, now, actor);
        });
    }

    /**
     * @param id a request in progress (or extended)
     * @param outcomeSummary what was done, e.g. "export sent"; 1 to {@value RequestStep#MAX_NOTE}
     *                       characters, without personal data
     * @param actor who completed it
     * @return the request, now {@link RequestState#COMPLETED}
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalRequestTransitionException if it is not in progress or extended
     * @throws IllegalArgumentException if the summary is blank or too long
     */
    public SubjectRequest complete(RequestId id, String outcomeSummary, Actor actor) {
        return KitContext.of(kit).storage().inTransaction(tx -> complete(tx, id, outcomeSummary, actor));
    }

    /**
     * Like {@link #complete(RequestId, String, Actor)}, inside a unit of work the caller runs (so an
     * erasure's effects and the completion commit together).
     *
     * @param tx the unit of work
     * @param id a request
     * @param outcomeSummary what was done
     * @param actor who completed it
     * @return the request, now {@link RequestState#COMPLETED}
     */
    public SubjectRequest complete(StorageTransaction tx, RequestId id, String outcomeSummary, Actor actor) {
        return step(tx, id, RequestState.COMPLETED, actor, Optional.of(note(outcomeSummary, "an outcome summary")));
    }

    /**
     * Refuses a request with the reason the subject is told; the stored step adds the jurisdiction's
     * {@linkplain Jurisdiction#complaintRight() right to complain} (GDPR Art. 12(4); 152-FZ Art. 17).
     *
     * @param id an open request
     * @param reason why; 1 to 1000 characters
     * @param actor who refused it
     * @return the request, now {@link RequestState#REFUSED}
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalRequestTransitionException if it is closed
     * @throws IllegalArgumentException if the reason is blank or too long
     */
    public SubjectRequest refuse(RequestId id, String reason, Actor actor) {
        return KitContext.of(kit).storage().inTransaction(tx -> refuse(tx, id, reason, actor));
    }

    /**
     * Like {@link #refuse(RequestId, String, Actor)}, inside a unit of work the caller runs.
     *
     * @param tx the unit of work
     * @param id an open request
     * @param reason why
     * @param actor who refused it
     * @return the request, now {@link RequestState#REFUSED}
     */
    public SubjectRequest refuse(StorageTransaction tx, RequestId id, String reason, Actor actor) {
        String why = note(reason, "a refusal reason");
        if (why.length() > 1000) {
            throw new IllegalArgumentException("a refusal reason has at most 1000 characters");
        }
        return step(tx, id, RequestState.REFUSED, actor,
                Optional.of(why + "\nRight to complain: " + jurisdiction().complaintRight()));
    }

    /**
     * @param id a request id
     * @return the request with its history
     */
    public Optional<SubjectRequest> find(RequestId id) {
        Objects.requireNonNull(id, "id");
        return KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).find(id));
    }

    /**
     * @param subject a subject
     * @return its requests, oldest first
     */
    public List<SubjectRequest> requests(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).forSubject(subject));
    }

    /**
     * @param window how far ahead to look; not negative
     * @return the open requests not yet overdue that fall due within {@code window} from now, soonest
     *         first; at most {@value #MAX_LISTED}
     */
    public List<SubjectRequest> dueWithin(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("the window looks ahead: it is not negative");
        }
        Instant now = now();
        Instant cutoff = now.plus(window);
        return KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).openDue(now, cutoff, MAX_LISTED));
    }

    /**
     * @return the open requests whose deadline is {@linkplain SubjectRequest#isProvisional() provisional},
     *         by id; at most {@value #MAX_LISTED}
     */
    public List<SubjectRequest> provisional() {
        return KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).openProvisional(Optional.empty(), MAX_LISTED));
    }

    /**
     * Recomputes the open requests whose deadline is provisional against the calendar the kit's
     * jurisdiction has now - call it after loading a year's table (for example at start-up, once the
     * new table ships). For each request whose due times or calendar basis come out different, it
     * stores the new ones and audits the change ({@code request.deadline_recomputed}, naming the request
     * id and the old and new due time, no personal data), in one unit of work per request.
     *
     * <p>The new deadline stands even when the official table moves it earlier, into the past: the
     * request is then at once in {@link #overdue()} and the compliance report. A deadline that still
     * reaches a year without a table stays provisional (its basis may still change). Requests received
     * under another jurisdiction id are left alone.
     *
     * <p>Safe to run from several instances at once and to re-run: each change is a compare-and-set on
     * the request as read, so two runs never both store or audit the same change; a run that loses
     * reads the request again.
     *
     * @param actor who runs it, e.g. {@code Actor.system("calendar-2027")}
     * @return what changed
     * @throws dev.consentkit.core.ConcurrentUpdateException if a request could not be written after
     *                                                       repeated conflicts with other writers
     */
    public DeadlineRecomputation recomputeProvisionalDeadlines(Actor actor) {
        return new DeadlineRecomputer(kit, deadlines, now()).run(Objects.requireNonNull(actor, "actor"));
    }

    /** @return the open requests whose due time has passed, longest overdue first; at most {@value #MAX_LISTED} */
    public List<SubjectRequest> overdue() {
        Instant now = now();
        return KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).openDue(Instant.EPOCH, now.minus(1, ChronoUnit.MICROS),
                MAX_LISTED));
    }

    private SubjectRequest step(RequestId id, RequestState to, Actor actor, Optional<String> note) {
        return KitContext.of(kit).storage().inTransaction(tx -> step(tx, id, to, actor, note));
    }

    private SubjectRequest step(StorageTransaction tx, RequestId id, RequestState to, Actor actor,
                                Optional<String> note) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        SubjectRequest request = load(tx, id);
        return advance(tx, request.next(new RequestStep(to, now, actor, note, Optional.empty())), now, actor);
    }

    private SubjectRequest advance(StorageTransaction tx, SubjectRequest next, Instant now, Actor actor) {
        RequestStore.in(tx).advance(next);
        audit(tx, next, now, actor);
        return next;
    }

    private static SubjectRequest load(StorageTransaction tx, RequestId id) {
        Objects.requireNonNull(id, "id");
        return RequestStore.in(tx).find(id).orElseThrow(() -> new UnknownRequestException(id));
    }

    private void audit(StorageTransaction tx, SubjectRequest request, Instant now, Actor actor) {
        KitContext.of(kit).append(tx, new AuditEvent(now, actor, request.state().auditAction(),
                Optional.of(kit.subjectRef(request.subject())), Optional.empty(), AuditOutcome.SUCCESS,
                Optional.of(request.id().toString())));
    }

    private static String note(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (text.length() > RequestStep.MAX_NOTE) {
            throw new IllegalArgumentException(what + " has at most " + RequestStep.MAX_NOTE + " characters");
        }
        return text;
    }

    private Instant now() {
        return KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "SubjectRights[" + jurisdiction().id() + "]";
    }

    /** Configures {@link SubjectRights}. Not thread-safe. */
    public static final class Builder {
        private final ConsentKit kit;
        private SubjectDirectory directory = SubjectDirectory.NONE;

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param directory the host's subjects beyond those with consent events; default
         *                  {@link SubjectDirectory#NONE}
         * @return this builder
         */
        public Builder directory(SubjectDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** @return the facade */
        public SubjectRights build() {
            KitContext.of(kit).requirePort(RequestStore.class, InMemoryRequests::new);
            return new SubjectRights(kit, directory);
        }
    }
}
