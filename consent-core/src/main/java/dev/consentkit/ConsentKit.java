package dev.consentkit;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.InvalidTimestampException;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.NotConsentBasedException;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.internal.HmacKeyedHasher;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.spi.SubjectLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent facade: records consent with proof, answers "may I process this now?" with an
 * explanation, enforces restriction and objection, keeps the suppression list, and links every change
 * into a tamper-evident audit chain ({@link AuditTrail#of(ConsentKit)}).
 *
 * <pre>{@code
 * ConsentKit kit = ConsentKit.builder()
 *         .catalog(catalog)
 *         .auditKey(HmacKey.fromBase64(System.getenv("CK_AUDIT_KEY")))
 *         .pseudonymKey(HmacKey.fromBase64(System.getenv("CK_PSEUDONYM_KEY")))
 *         .build();
 * kit.consent(client, newsletter).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
 * if (kit.check(client, newsletter).isPermitted()) { ... }
 * }</pre>
 *
 * <p>Every other feature is built from a kit, each in one way: {@code SubjectRights.builder(kit)},
 * {@code SubjectDataService.builder(kit)}, {@code LegalHolds.of(kit)}, {@code RetentionEngine.builder(kit)},
 * {@code BreachRegister.of(kit)}, {@code ProcessingRegister.builder(kit)}, {@code AccessMonitoring.builder(kit)},
 * {@code Compliance.builder(kit)}, {@code Transparency.builder(kit)}, {@code FieldCrypto.builder(kit)}.
 *
 * <p>Thread-safe; build one per application and share it, and {@link #close()} it when the application
 * stops (before the host's connection pool), so that the read audits still queued are written.
 */
public final class ConsentKit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentKit.class);
    private static final int MAX_BULK = 100_000;

    static {
        KitContext.register(kit -> {
            if (!(kit instanceof ConsentKit k)) {
                throw new IllegalArgumentException("not a ConsentKit: " + kit.getClass().getName());
            }
            return k.context;
        });
    }

    private final ProcessingCatalog catalog;
    private final ConsentStorage storage;
    private final Clock clock;
    private final Duration clockTolerance;
    private final HmacKeyedHasher hasher;
    private final ConsentRecorder recorder;
    private final ConsentDecider decider;
    private final AuditTrail audit;
    private final Jurisdiction jurisdiction;
    private final Optional<AccessPolicy> accessPolicy;
    private final KitContext context;
    private final ConsentStorage configured;

    private ConsentKit(Builder b) {
        this.jurisdiction = b.jurisdiction;
        this.accessPolicy = Optional.ofNullable(b.accessPolicy);
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.clockTolerance = b.clockTolerance;
        this.hasher = new HmacKeyedHasher(b.pseudonymKey);
        AuditChain chain = new AuditChain(b.auditKey);
        // a kit given another kit's view of its storage runs on the storage under that view: its entries are
        // tracked by its own trail only, and its features see (and attach to) the storage as configured
        this.configured = b.storage != null ? AuditTrail.underlying(b.storage) : InMemoryStorage.create();
        this.audit = new AuditTrail(configured, chain, clock, hasher, b.auditListeners, b.readAudits);
        this.storage = audit.storage();
        this.recorder = new ConsentRecorder(storage, audit, hasher);
        this.decider = new ConsentDecider(catalog);
        this.context = new Context();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the processing catalogue */
    public ProcessingCatalog catalog() {
        return catalog;
    }

    /** The kit's audit trail, for {@link AuditTrail#of(ConsentKit)}. */
    AuditTrail auditTrail() {
        return audit;
    }

    /**
     * Writes the read audits still queued ({@link ReadAuditMode#writeBehind() write-behind}, the
     * default), stops the kit's flusher thread and links every pending audit entry into the chain. Call
     * it when the application stops, before closing the connection pool: entries still queued when the
     * JVM ends are lost (a shutdown hook tries to write them, best effort, for at most 5 s). The kit
     * stays usable; from then on each read audit is committed before the read returns. Closing again
     * only writes what came since. Thread-safe.
     *
     * @throws StorageException if the queued read audits could not be written (they stay queued; call
     *                          again) or the sequencer failed
     */
    @Override
    public void close() {
        audit.close();
    }

    /**
     * @param subject a subject
     * @return its pseudonymous reference, as it appears in audit events
     */
    public KeyedHash subjectRef(SubjectId subject) {
        return recorder.subjectRef(Objects.requireNonNull(subject, "subject"));
    }

    /**
     * Starts evidence for a consent event; IP address and user agent given to the builder are hashed
     * under the pseudonym key at once.
     *
     * @param method how it was collected
     * @return an evidence builder
     */
    public Evidence.Builder evidence(CollectionMethod method) {
        return Evidence.builder(method, hasher);
    }

    /**
     * Starts recording a consent event.
     *
     * @param subject the subject
     * @param purpose the purpose
     * @return a capture; finish it with one verb
     */
    public ConsentCapture consent(SubjectId subject, PurposeId purpose) {
        return new ConsentCapture(this, subject, purpose);
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @return whether processing is permitted now, and why
     */
    public Decision check(SubjectId subject, PurposeId purpose) {
        return check(ConsentScope.of(subject, purpose));
    }

    /**
     * @param scope the subject and purpose, optionally narrowed to a channel and an asset
     * @return whether processing is permitted now, and why
     * @throws StorageException if the store fails
     */
    public Decision check(ConsentScope scope) {
        Objects.requireNonNull(scope, "scope");
        List<ConsentState> states = storage.read(tx -> Reads.states(tx, scope.subject(), scope.purpose()));
        return decider.decide(scope, states, false, now());
    }

    /**
     * Like {@link #check(ConsentScope)}, and also denies when the contact point is on the
     * suppression list (for a contact the host re-created after erasure).
     *
     * @param scope the scope
     * @param contact the e-mail address or phone number to be used
     * @return the decision
     */
    public Decision check(ConsentScope scope, ContactPoint contact) {
        Objects.requireNonNull(scope, "scope");
        KeyedHash hash = Objects.requireNonNull(contact, "contact").hash(hasher);
        return storage.read(tx -> {
            boolean suppressed = !tx.suppression().suppressed(List.of(hash), scope.purpose()).isEmpty();
            return decider.decide(scope, Reads.states(tx, scope.subject(), scope.purpose()), suppressed,
                    now());
        });
    }

    /**
     * Decides for many subjects at once with one set-based read.
     *
     * @param subjects up to 100 000 subjects
     * @param purpose the purpose
     * @return a decision per subject, in the order given
     * @throws IllegalArgumentException if more than 100 000 subjects are given
     */
    public Map<SubjectId, Decision> checkAll(Collection<SubjectId> subjects, PurposeId purpose) {
        return checkAll(subjects, purpose, Optional.empty());
    }

    /**
     * Decides for many subjects at once, for one channel, with one set-based read.
     *
     * @param subjects up to 100 000 subjects
     * @param purpose the purpose
     * @param channel the channel
     * @return a decision per subject, in the order given
     * @throws IllegalArgumentException if more than 100 000 subjects are given
     */
    public Map<SubjectId, Decision> checkAll(Collection<SubjectId> subjects, PurposeId purpose, Channel channel) {
        return checkAll(subjects, purpose, Optional.of(Objects.requireNonNull(channel, "channel")));
    }

    private Map<SubjectId, Decision> checkAll(Collection<SubjectId> subjects, PurposeId purpose,
                                              Optional<Channel> channel) {
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(purpose, "purpose");
        if (subjects.size() > MAX_BULK) {
            throw new IllegalArgumentException("at most " + MAX_BULK + " subjects per bulk check");
        }
        Map<SubjectId, List<ConsentState>> found = storage.read(tx -> tx.projection().findAll(subjects, purpose));
        Instant now = now();
        Map<SubjectId, Decision> decisions = new LinkedHashMap<>();
        for (SubjectId s : subjects) {
            ConsentScope scope = new ConsentScope(s, purpose, channel, Optional.empty());
            decisions.put(s, decider.decide(scope, found.getOrDefault(s, List.of()), false, now));
        }
        return decisions;
    }

    /**
     * Streams every subject whose consent for a consent-based purpose permits processing now: the
     * audience of a campaign, read in one set-based scan (never a query per subject). The contact
     * suppression list is not consulted here, since no contact points are given; check those with
     * {@link #check(ConsentScope, ContactPoint)} before sending.
     *
     * @param purpose a consent-based purpose
     * @param sink receives each permitted subject once, in the store's order
     * @throws IllegalArgumentException if the purpose is not based on consent (its audience is the
     *                                  host's own clients; filter them with {@link #checkAll})
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public void forEachPermitted(PurposeId purpose, Consumer<SubjectId> sink) {
        forEachPermitted(purpose, Optional.empty(), sink);
    }

    /**
     * Like {@link #forEachPermitted(PurposeId, Consumer)}, for one channel.
     *
     * @param purpose a consent-based purpose
     * @param channel the channel to be used
     * @param sink receives each permitted subject once
     */
    public void forEachPermitted(PurposeId purpose, Channel channel, Consumer<SubjectId> sink) {
        forEachPermitted(purpose, Optional.of(Objects.requireNonNull(channel, "channel")), sink);
    }

    private void forEachPermitted(PurposeId purpose, Optional<Channel> channel, Consumer<SubjectId> sink) {
        Objects.requireNonNull(sink, "sink");
        Purpose p = catalog.require(purpose);
        if (!p.needsConsent()) {
            throw new IllegalArgumentException("purpose " + purpose + " is based on " + p.basis()
                    + ": its audience is the host's own clients; filter them with checkAll");
        }
        Instant now = now();
        storage.read(tx -> {
            List<ConsentState> group = new ArrayList<>();
            tx.projection().forPurpose(purpose, state -> {
                if (!group.isEmpty() && !group.get(0).scope().subject().equals(state.scope().subject())) {
                    emitIfPermitted(group, purpose, channel, now, sink);
                    group.clear();
                }
                group.add(state);
            });
            emitIfPermitted(group, purpose, channel, now, sink);
            return null;
        });
    }

    private void emitIfPermitted(List<ConsentState> states, PurposeId purpose, Optional<Channel> channel, Instant now,
                                 Consumer<SubjectId> sink) {
        if (states.isEmpty()) {
            return;
        }
        SubjectId subject = states.get(0).scope().subject();
        if (decider.decide(new ConsentScope(subject, purpose, channel, Optional.empty()), states, false, now).isPermitted()) {
            sink.accept(subject);
        }
    }

    /**
     * Restricts processing for a purpose (GDPR Art. 18; blocking under 152-FZ Art. 21): every check
     * is denied until {@link #liftRestriction} — whatever the legal basis.
     *
     * @param subject the subject
     * @param purpose the purpose
     * @param actor who asked for it
     * @return the recorded entry
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public LedgerEntry restrict(SubjectId subject, PurposeId purpose, Actor actor) {
        return limit(subject, purpose, actor, ConsentEvent.Kind.RESTRICTED);
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @param actor who lifted it
     * @return the recorded entry
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public LedgerEntry liftRestriction(SubjectId subject, PurposeId purpose, Actor actor) {
        return limit(subject, purpose, actor, ConsentEvent.Kind.RESTRICTION_LIFTED);
    }

    /**
     * Records the subject's objection to a purpose (GDPR Art. 21): every check is denied until
     * {@link #liftObjection} — whatever the legal basis.
     *
     * @param subject the subject
     * @param purpose the purpose
     * @param actor who recorded it
     * @return the recorded entry
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public LedgerEntry object(SubjectId subject, PurposeId purpose, Actor actor) {
        return limit(subject, purpose, actor, ConsentEvent.Kind.OBJECTED);
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @param actor who lifted it
     * @return the recorded entry
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public LedgerEntry liftObjection(SubjectId subject, PurposeId purpose, Actor actor) {
        return limit(subject, purpose, actor, ConsentEvent.Kind.OBJECTION_LIFTED);
    }

    private LedgerEntry limit(SubjectId subject, PurposeId purpose, Actor actor, ConsentEvent.Kind kind) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        catalog.require(purpose);
        Instant now = now();
        Evidence evidence = new Evidence(CollectionMethod.SYSTEM, Optional.empty(), Optional.empty(),
                Optional.empty(), actor, Optional.empty(), Optional.empty());
        ConsentEvent event = new ConsentEvent(UUID.randomUUID(), ConsentScope.of(subject, purpose), kind, now, now,
                Optional.empty(), evidence, Optional.empty(), Optional.empty(),
                digest(new Canonical("limit").add(kind.name()).add(subject.value()).add(purpose.value())));
        return recorder.write(tx -> recorder.record(tx, event));
    }

    /**
     * Puts a contact point on the suppression list for one purpose. The list keeps only a keyed
     * hash and survives the subject's erasure.
     *
     * @param contact the e-mail address or phone number
     * @param purpose the purpose it must not be used for
     * @param actor who added it
     * @return whether it was new
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public boolean suppress(ContactPoint contact, PurposeId purpose, Actor actor) {
        catalog.require(purpose);
        return suppress(contact, Optional.of(purpose), actor);
    }

    /**
     * Puts a contact point on the suppression list for every purpose.
     *
     * @param contact the e-mail address or phone number
     * @param actor who added it
     * @return whether it was new
     */
    public boolean suppressEverywhere(ContactPoint contact, Actor actor) {
        return suppress(contact, Optional.empty(), actor);
    }

    private boolean suppress(ContactPoint contact, Optional<PurposeId> purpose, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        SuppressionEntry entry = new SuppressionEntry(Objects.requireNonNull(contact, "contact").hash(hasher),
                purpose, now());
        return recorder.write(tx -> recorder.suppress(tx, entry, actor));
    }

    /**
     * @param subject a subject
     * @return every consent event of the subject, in ledger order
     */
    public ConsentHistory history(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return new ConsentHistory(subject, storage.read(tx -> Reads.history(tx, subject)));
    }

    /**
     * Renders a recorded consent event as a receipt: the Kantara Consent Receipt v1.1 fields, filled
     * from the processing catalogue in the language the notice was shown in, plus the notice version,
     * the SHA-256 of the text shown, the evidence and the status. The receipt's id is the event's id,
     * so the same entry always gives an equal receipt. {@code ConsentJson.writeReceipt} writes it as
     * Kantara JSON.
     *
     * @param entry a consent event recorded by this kit (given, renewed, requested, refused,
     *              withdrawn, revoked, expired or invalidated)
     * @return the receipt
     * @throws NullPointerException if {@code entry} is null
     * @throws IllegalArgumentException if the entry sets no consent status (a restriction or objection)
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if its purpose is no longer declared
     */
    public ConsentReceipt receipt(LedgerEntry entry) {
        return ReceiptFactory.receipt(catalog, Objects.requireNonNull(entry, "entry"));
    }

    /**
     * Records {@link ConsentStatus#EXPIRED} for every given consent whose validity period has run out
     * without re-confirmation. Run it on a schedule; checks deny such consents already.
     *
     * @return the recorded entries
     */
    public List<LedgerEntry> expireLapsed() {
        Instant now = now();
        return sweep(ConsentEvent.Kind.EXPIRED, "expiry-sweep", (purpose, state) ->
                state.validUntil().map(until -> !now.isBefore(until)).orElse(false));
    }

    /**
     * Records {@link ConsentStatus#INVALIDATED} for every given consent under an earlier major
     * notice version, so the re-consent campaign can find them. Checks deny such consents already.
     *
     * @return the recorded entries
     */
    public List<LedgerEntry> invalidateOutdated() {
        return sweep(ConsentEvent.Kind.INVALIDATED, "notice-sweep", (purpose, state) ->
                !decider.isCurrent(purpose, state.notice()));
    }

    private interface SweepRule {
        boolean applies(Purpose purpose, ConsentState state);
    }

    private List<LedgerEntry> sweep(ConsentEvent.Kind kind, String component, SweepRule rule) {
        Instant now = now();
        Evidence evidence = Evidence.system(component);
        return recorder.write(tx -> {
            Map<ConsentScope, Purpose> due = new LinkedHashMap<>();
            for (Purpose p : catalog.purposes()) {
                if (p.needsConsent()) {
                    tx.projection().forPurpose(p.id(), s -> {
                        if (isDue(p, s, rule)) {
                            due.put(s.scope(), p);
                        }
                    });
                }
            }
            if (due.isEmpty()) {
                return List.<LedgerEntry>of();
            }
            // lock every scope found (sorted, so two sweeps never deadlock), then decide again on what
            // the scope holds now: a writer may have changed it since the scan
            tx.projection().lock(due.keySet().stream().map(s -> SubjectLock.of(s.subject(), s.purpose()))
                    .collect(java.util.stream.Collectors.toSet()));
            List<LedgerEntry> recorded = new ArrayList<>();
            for (Map.Entry<ConsentScope, Purpose> d : due.entrySet()) {
                ConsentScope scope = d.getKey();
                Optional<ConsentState> state = Reads.states(tx, scope.subject(), scope.purpose()).stream()
                        .filter(s -> s.scope().equals(scope)).findFirst();
                if (state.isEmpty() || !isDue(d.getValue(), state.get(), rule)) {
                    continue;
                }
                ConsentState s = state.get();
                ConsentEvent event = new ConsentEvent(UUID.randomUUID(), scope, kind, now, now, Optional.empty(),
                        evidence, Optional.empty(), Optional.empty(),
                        digest(new Canonical("sweep").add(kind.name()).add(scope.toString()).add(s.sequence())));
                recorded.add(recorder.record(tx, event));
            }
            if (!recorded.isEmpty()) {
                LOG.info("{} recorded {} {} events", component, recorded.size(), kind);
            }
            return recorded;
        });
    }

    private static boolean isDue(Purpose p, ConsentState s, SweepRule rule) {
        return s.status().map(ConsentStatus::isValid).orElse(false) && rule.applies(p, s);
    }

    LedgerEntry capture(ConsentCapture c, ConsentEvent.Kind kind) {
        Purpose purpose = catalog.require(c.purpose());
        if (!purpose.needsConsent()) {
            throw new NotConsentBasedException(purpose.id(), purpose.basis());
        }
        Evidence evidence = c.evidenceOrNull();
        if (evidence == null) {
            throw new IllegalStateException("consent for purpose " + purpose.id() + " needs evidence");
        }
        Instant now = now();
        Instant occurredAt = c.occurredAtOrNull() != null ? c.occurredAtOrNull().truncatedTo(ChronoUnit.MICROS) : now;
        checkTime(occurredAt, now);
        ConsentScope scope = new ConsentScope(c.subject(), purpose.id(), Optional.ofNullable(c.channelOrNull()),
                Optional.ofNullable(c.assetOrNull()));
        Optional<NoticeRef> notice = switch (kind) {
            case GIVEN, RENEWED_GIVEN, REQUESTED, REFUSED -> Optional.of(noticeShown(purpose, c));
            default -> {
                if (c.noticeVersionOrNull() != null) {
                    throw new IllegalStateException("a " + kind + " event answers no notice version: drop notice(...)");
                }
                yield Optional.empty();
            }
        };
        Optional<Instant> validUntil = kind.status().orElseThrow().isValid()
                ? purpose.reconfirmEvery().map(p -> occurredAt.atZone(ZoneOffset.UTC).plus(p).toInstant())
                : Optional.empty();
        Canonical request = new Canonical("capture").add(kind.name()).add(scope.subject().value())
                .add(scope.purpose().value()).add(scope.channel().map(Channel::code).orElse(null))
                .add(scope.asset().map(AssetId::value).orElse(null))
                .add(notice.map(n -> n.version() + "|" + n.locale().toLanguageTag() + "|" + n.textSha256()).orElse(null))
                .add(evidence.method().name()).add(evidence.formId().orElse(null))
                .add(evidence.ipHash().map(KeyedHash::value).orElse(null))
                .add(evidence.userAgentHash().map(KeyedHash::value).orElse(null))
                .add(evidence.recordedBy().toString()).add(evidence.guardian().orElse(null))
                .add(evidence.attachmentRef().orElse(null))
                .add(c.occurredAtOrNull() == null ? null : occurredAt.toString());
        ConsentEvent event = new ConsentEvent(UUID.randomUUID(), scope, kind, occurredAt, now, notice, evidence,
                validUntil, Optional.ofNullable(c.idempotencyKeyOrNull()), digest(request));
        return recorder.write(tx -> {
            recorder.lock(tx, scope.subject(), scope.purpose());
            if (kind == ConsentEvent.Kind.WITHDRAWN || kind == ConsentEvent.Kind.REVOKED
                    || kind == ConsentEvent.Kind.RENEWED_GIVEN) {
                boolean replay = event.idempotencyKey().flatMap(k -> tx.ledger().findByIdempotencyKey(k)).isPresent();
                if (!replay && !hasConsentToChange(Reads.states(tx, scope.subject(), scope.purpose()), scope, kind)) {
                    throw new NothingToWithdrawException(verb(kind), scope);
                }
            }
            return recorder.record(tx, event);
        });
    }

    private static boolean hasConsentToChange(List<ConsentState> states, ConsentScope scope, ConsentEvent.Kind kind) {
        for (ConsentState s : states) {
            // withdrawing a scope also ends the narrower consents under it; a renewal only re-confirms a
            // consent that covers the renewed scope - renewing the whole purpose after consent for e-mail
            // must not start to permit SMS
            boolean related = kind == ConsentEvent.Kind.RENEWED_GIVEN
                    ? s.scope().covers(scope)
                    : s.scope().covers(scope) || scope.covers(s.scope());
            if (!related || s.status().isEmpty()) {
                continue;
            }
            ConsentStatus status = s.status().get();
            if (status.isValid() || (kind == ConsentEvent.Kind.RENEWED_GIVEN && status == ConsentStatus.EXPIRED)) {
                return true;
            }
        }
        return false;
    }

    private static String verb(ConsentEvent.Kind kind) {
        return switch (kind) {
            case RENEWED_GIVEN -> "renew";
            case REVOKED -> "revoke";
            default -> "withdraw";
        };
    }

    private NoticeRef noticeShown(Purpose purpose, ConsentCapture c) {
        Notice notice = purpose.notice().flatMap(catalog::notice).orElseThrow();
        Locale locale = c.localeOrNull() != null ? c.localeOrNull() : catalog.defaultLocale();
        return notice.ref(c.noticeVersionOrNull() != null ? c.noticeVersionOrNull() : notice.current(), locale);
    }

    private void checkTime(Instant occurredAt, Instant now) {
        if (occurredAt.isBefore(Instant.EPOCH)) {
            throw new InvalidTimestampException("it lies before 1970-01-01T00:00:00Z");
        }
        if (occurredAt.isAfter(now.plus(clockTolerance))) {
            throw new InvalidTimestampException("it lies more than " + clockTolerance + " in the future");
        }
    }

    /** Stores keep microseconds; every time the kit records is cut to them, so all stores agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String digest(Canonical request) {
        return hasher.digest(request.bytes());
    }

    @Override
    public String toString() {
        return "ConsentKit[" + catalog + ", " + storage + "]";
    }

    /** What the kit's features and ConsentKit's other modules reach through {@link KitContext#of}. */
    private final class Context extends KitContext {
        @Override
        public ConsentStorage storage() {
            return storage;
        }

        @Override
        protected ConsentStorage configuredStorage() {
            return configured;
        }

        @Override
        public ProcessingCatalog catalog() {
            return catalog;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Duration clockTolerance() {
            return clockTolerance;
        }

        @Override
        public Jurisdiction jurisdiction() {
            return jurisdiction;
        }

        @Override
        public Optional<AccessPolicy> accessPolicy() {
            return accessPolicy;
        }

        @Override
        public KeyedHasher hasher() {
            return hasher;
        }

        @Override
        public AuditEntry append(StorageTransaction tx, AuditEvent event) {
            return audit.append(tx, event);
        }

        @Override
        public AuditEntry append(StorageTransaction tx, AuditEvent event, LedgerEntry recorded) {
            return audit.append(tx, event, recorded);
        }

        @Override
        public void recordRead(AuditEvent event) {
            audit.recordRead(event);
        }

        @Override
        public void addAuditListener(AuditListener listener) {
            audit.addListener(listener);
        }

        @Override
        public String toString() {
            return "KitContext[" + ConsentKit.this + "]";
        }
    }

    /**
     * Configures a {@link ConsentKit}. Every setter validates its argument; {@link #build()} checks
     * the rest. Not thread-safe.
     */
    public static final class Builder {
        private ProcessingCatalog catalog;
        private ConsentStorage storage;
        private Clock clock = Clock.systemUTC();
        private Duration clockTolerance = Duration.ofMinutes(5);
        private HmacKey auditKey;
        private HmacKey pseudonymKey;
        private Jurisdiction jurisdiction = Jurisdiction.GDPR;
        private AccessPolicy accessPolicy;
        private final List<AuditListener> auditListeners = new ArrayList<>();
        private ReadAuditMode readAudits = ReadAuditMode.writeBehind();

        private Builder() {
        }

        /**
         * How the audit entries of reads of protected values (a field opened or refused) are written —
         * the one place to choose between speed and "no plaintext without a committed audit record":
         *
         * <ul>
         *   <li>{@link ReadAuditMode#writeBehind()} (default): queued and written by a flusher thread of
         *       the kit within 100 ms, in batches; a crash loses the queued entries (at most 10 000, in
         *       normal operation the reads of the last 100 ms). {@link ReadAuditMode#writeBehind(Duration,
         *       int)} sets the delay and the bound;</li>
         *   <li>{@link ReadAuditMode#synchronous()}: each committed before the read returns (a few
         *       thousand opens per second per kit on an ordinary disk).</li>
         * </ul>
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder readAudits(ReadAuditMode mode) {
            this.readAudits = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param listener hears the audit entries of every unit of work of this kit once it ended (may be
         *                 called more than once to add several); see {@link AuditListener} for when
         * @return this builder
         */
        public Builder auditListener(AuditListener listener) {
            auditListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param jurisdiction whose deadlines and breach clocks apply, and whose law the documents
         *                     ({@code Transparency}) state; under {@link Jurisdiction#RU_152FZ} they also check
         *                     every written consent at build; default {@link Jurisdiction#GDPR}
         * @return this builder
         */
        public Builder jurisdiction(Jurisdiction jurisdiction) {
            this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
            return this;
        }

        /**
         * @param policy who may read what (roles to purposes, categories and actions); used by field
         *               encryption, the register of processing, the compliance report and the documents
         *               ({@code Transparency}); the only place a kit's policy is set
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param catalog the processing catalogue; required
         * @return this builder
         */
        public Builder catalog(ProcessingCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * @param storage where ledger, projection, suppression list and audit live; default in memory
         * @return this builder
         */
        public Builder storage(ConsentStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * @param clock the source of time; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param tolerance how far in the future an event time may lie (clock skew between the host's
         *                  machines); 0 to 1 hour, default 5 minutes
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder clockTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.isNegative() || tolerance.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("clock tolerance must be between 0 and 1 hour");
            }
            this.clockTolerance = tolerance;
            return this;
        }

        /**
         * @param key the key of the audit chain's HMAC links; required; keep it out of the database
         * @return this builder
         */
        public Builder auditKey(HmacKey key) {
            this.auditKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param key the key of subject references and hashed evidence; required; must differ from
         *            the audit key
         * @return this builder
         */
        public Builder pseudonymKey(HmacKey key) {
            this.pseudonymKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @return the kit
         * @throws IllegalStateException if catalogue or a key is missing, or both keys are equal
         */
        public ConsentKit build() {
            if (catalog == null) {
                throw new IllegalStateException("ConsentKit needs a processing catalogue");
            }
            if (auditKey == null || pseudonymKey == null) {
                throw new IllegalStateException("ConsentKit needs an audit key and a pseudonym key");
            }
            if (auditKey.equals(pseudonymKey)) {
                throw new IllegalStateException("the audit key and the pseudonym key must differ");
            }
            ConsentKit kit = new ConsentKit(this);
            LOG.debug("ConsentKit built: {} purposes, storage {}", catalog.purposes().size(), kit.storage);
            return kit;
        }
    }

}
