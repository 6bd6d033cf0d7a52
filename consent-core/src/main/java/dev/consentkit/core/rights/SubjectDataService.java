package dev.consentkit.core.rights;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.hold.InMemoryHolds;
import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.retention.InMemoryRetention;
import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers access, portability and erasure requests over the kit's own records, the encrypted fields
 * of a {@link FieldProtector} and the host's tables through {@link SubjectDataContributor}s.
 *
 * <pre>{@code
 * SubjectDataService data = SubjectDataService.builder(kit)   // the kit's field protector opens and shreds
 *         .contributor(new ClientTable(db)) // the host's own tables
 *         .build();
 * String json = ConsentJson.create().writeExport(data.export(accessRequestId, Actor.operator("dpo-1")));
 * ErasureOutcome outcome = data.erase(ErasureRequest.builder(client, Actor.operator("dpo-1"))
 *         .contact(ContactPoint.email(address)).build());
 * }</pre>
 *
 * <p><b>Erasure</b> keeps what the law requires: the legal basis of each purpose decides (see
 * {@link KeepGround}), active legal holds keep what they cover and a hold on the whole subject
 * refuses the erasure. Then it withdraws the subject's valid consents, puts the given contact points
 * on the suppression list for every purpose the subject objected to, calls each contributor, and
 * crypto-shreds the key groups whose every field is of an erased category. The consent ledger and the
 * audit chain stay, as pseudonymous proof (they hold the host's subject id and keyed hashes, never a
 * contact or a name). Every step is idempotent: a run that failed reports itself
 * {@link ErasureOutcome.Status#INCOMPLETE}, lists only what was done, and the same erasure run again
 * resumes; a second erasure of an erased subject ends {@link ErasureOutcome.Status#NOTHING_TO_ERASE}.
 *
 * <p>Immutable and thread-safe if the contributors are.
 */
public final class SubjectDataService {
    /** An export was made; reference: the export id. */
    public static final AuditAction SUBJECT_EXPORTED = new AuditAction("subject.exported");
    /** An erasure run completed (or found nothing left); reference: the outcome id. */
    public static final AuditAction SUBJECT_ERASED = new AuditAction("subject.erased");
    /** An erasure was refused by a legal hold; reference: the outcome id. */
    public static final AuditAction ERASURE_REFUSED = new AuditAction("subject.erasure_refused");
    /** An erasure run failed halfway; reference: the outcome id. */
    public static final AuditAction ERASURE_INCOMPLETE = new AuditAction("subject.erasure_incomplete");
    static final String KIT = "consent-kit";
    static final String PROTECTOR = "field-protector";
    private static final Logger LOG = LoggerFactory.getLogger(SubjectDataService.class);
    private final ConsentKit kit;
    private final List<SubjectDataContributor> contributors;

    private SubjectDataService(Builder b) {
        this.kit = b.kit;
        this.contributors = List.copyOf(b.contributors.values());
    }

    /**
     * @param kit the kit whose ledger, storage, clock and audit chain are used
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /** @return the registered contributors, in registration order */
    public List<SubjectDataContributor> contributors() {
        return contributors;
    }

    /**
     * Answers an access or portability request: collects everything held about its subject — the
     * consent history, the subject's requests and every contributor's sections, sealed fields opened
     * by the protector for this request (each opening audited with the request's id) — and completes
     * the request with a summary naming the export (no personal data). A request whose identity was
     * verified is started first; the bundle shows the request as it stood while being answered. The
     * export itself is audited too.
     *
     * <p>This is the only way the kit exports a subject: protected values are opened for an export
     * only while such a request is being answered, never for a bare subject id.
     *
     * @param request an ACCESS or PORTABILITY request whose identity was verified
     * @param actor who answers it
     * @return the export
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalArgumentException if it is of another type, a contributor gives a malformed
     *                                  section or field name, or a sealed value of an undeclared field
     * @throws IllegalRequestTransitionException if its identity was not verified or it is closed
     * @throws IllegalStateException if a contributor gives a sealed value and no protector is configured
     */
    public SubjectExport export(RequestId request, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        SubjectRequest r = answering(request, actor, RequestType.ACCESS, RequestType.PORTABILITY);
        SubjectExport export = export(r, actor);
        SubjectRights.builder(kit).build().complete(request, "export " + export.id() + " made: " + export.history().entries().size()
                + " consent events, " + export.requests().size() + " requests, " + export.sections().size()
                + " sections", actor);
        return export;
    }

    private SubjectExport export(SubjectRequest request, Actor actor) {
        SubjectId subject = request.subject();
        UUID id = UUID.randomUUID();
        Instant now = now();
        ConsentHistory history = kit.history(subject);
        List<ExportSection> sections = new ArrayList<>();
        for (SubjectDataContributor c : contributors) {
            Map<String, List<ExportRecord>> bySection = new LinkedHashMap<>();
            c.contribute(subject, (section, fields) -> bySection
                    .computeIfAbsent(ExportNames.code(section, "section name"), s -> new ArrayList<>())
                    .add(open(request.id(), actor, fields)));
            bySection.forEach((name, records) -> sections.add(new ExportSection(c.name(), name, records)));
        }
        KeyedHash ref = kit.subjectRef(subject);
        List<SubjectRequest> requests = SubjectRights.builder(kit).build().requests(subject);
        SubjectExport export = new SubjectExport(id, subject, ref, now, history, requests, sections);
        audit(now, actor, SUBJECT_EXPORTED, ref, AuditOutcome.SUCCESS, id);
        LOG.info("export {} of subject {}: {} events, {} sections", id, ref, history.entries().size(), sections.size());
        return export;
    }

    /**
     * Answers an erasure request: runs {@link #erase(ErasureRequest)} and then completes the request
     * (outcome {@code COMPLETED} or {@code NOTHING_TO_ERASE}, summary listing what was kept and why),
     * refuses it with the legal holds' reasons ({@code REFUSED}), or leaves it in progress
     * ({@code INCOMPLETE}): call this again with the same arguments to resume. A request whose identity
     * was verified is started first.
     *
     * @param request an ERASURE request whose identity was verified
     * @param erasure what to erase; its subject must be the request's
     * @return the outcome
     * @throws UnknownRequestException if there is no such request
     * @throws IllegalArgumentException if it is of another type or another subject
     * @throws IllegalRequestTransitionException if its identity was not verified or it is closed
     */
    public ErasureOutcome erase(RequestId request, ErasureRequest erasure) {
        Objects.requireNonNull(erasure, "erasure");
        SubjectRequest r = SubjectRights.builder(kit).build().find(Objects.requireNonNull(request, "request"))
                .orElseThrow(() -> new UnknownRequestException(request));
        if (!r.subject().equals(erasure.subject())) {
            throw new IllegalArgumentException("the erasure names another subject than request " + request);
        }
        answering(request, erasure.actor(), RequestType.ERASURE);
        ErasureOutcome outcome = erase(erasure);
        switch (outcome.status()) {
            case COMPLETED, NOTHING_TO_ERASE -> SubjectRights.builder(kit).build().complete(request, summary(outcome), erasure.actor());
            case REFUSED -> SubjectRights.builder(kit).build().refuse(request, refusal(outcome), erasure.actor());
            case INCOMPLETE -> LOG.info("erasure request {} stays in progress: run it again to resume", request);
        }
        return outcome;
    }

    private SubjectRequest answering(RequestId id, Actor actor, RequestType... types) {
        SubjectRequest r = SubjectRights.builder(kit).build().find(Objects.requireNonNull(id, "request"))
                .orElseThrow(() -> new UnknownRequestException(id));
        if (!List.of(types).contains(r.type())) {
            throw new IllegalArgumentException("request " + id + " is a " + r.type() + " request, not "
                    + String.join(" or ", List.of(types).stream().map(Enum::name).toList()));
        }
        return switch (r.state()) {
            case IDENTITY_VERIFIED -> SubjectRights.builder(kit).build().start(id, actor);
            case IN_PROGRESS, EXTENDED -> r;
            case RECEIVED, COMPLETED, REFUSED -> throw new IllegalRequestTransitionException(id, r.state(),
                    RequestState.IN_PROGRESS);
        };
    }

    private static String summary(ErasureOutcome o) {
        String kept = o.kept().stream().map(k -> k.reason().ground().name()).distinct().reduce((a, b) -> a + ", " + b)
                .map(g -> " (" + g + ")").orElse("");
        return "erasure " + o.id() + " " + o.status() + ": " + o.erased().size() + " items erased, "
                + o.withdrawn().size() + " consents withdrawn, " + o.suppressed() + " contacts suppressed, "
                + o.kept().size() + " items kept" + kept;
    }

    private static String refusal(ErasureOutcome o) {
        String reasons = String.join("; ", o.refused().stream().map(KeepReason::explanation).toList());
        return reasons.length() <= 900 ? reasons : reasons.substring(0, 897) + "...";
    }

    private ExportRecord open(RequestId request, Actor actor, Map<String, ExportValue> fields) {
        Objects.requireNonNull(fields, "fields");
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> sealed = new LinkedHashSet<>();
        Set<String> unreadable = new LinkedHashSet<>();
        fields.forEach((name, value) -> {
            ExportNames.field(name);
            Objects.requireNonNull(value, "value of field " + name);
            if (value instanceof ExportValue.Plain p) {
                values.put(name, p.text());
            } else if (value instanceof ExportValue.Sealed s) {
                FieldProtector fp = protector().orElseThrow(() -> new IllegalStateException(
                        "a contributor gave the sealed field " + name + " but no field protector is configured"));
                sealed.add(name);
                fp.openForRequest(request, s.value(), actor).ifPresentOrElse(v -> values.put(name, v),
                        () -> unreadable.add(name));
            }
        });
        return new ExportRecord(values, sealed, unreadable);
    }

    /**
     * Erases a subject's data as far as the law allows; see the class description.
     *
     * @param request what to erase
     * @return what was erased, kept (why) and refused, and whether the run completed
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the request names an undeclared purpose
     * @throws IllegalArgumentException if a purpose named as a running contract is not a contract purpose
     */
    public ErasureOutcome erase(ErasureRequest request) {
        Objects.requireNonNull(request, "request");
        request.purposes().forEach(kit.catalog()::require);
        for (PurposeId p : request.contractsRunning()) {
            if (kit.catalog().require(p).basis() != LegalBasis.CONTRACT) {
                throw new IllegalArgumentException("purpose " + p + " is not based on a contract");
            }
        }
        SubjectId subject = request.subject();
        KeyedHash ref = kit.subjectRef(subject);
        UUID id = UUID.randomUUID();
        Instant now = now();
        ErasurePlan plan = ErasurePlan.of(kit.catalog(), request, LegalHolds.of(kit).activeFor(subject));
        if (!plan.refusal().isEmpty()) {
            ErasureOutcome refused = new ErasureOutcome(id, ref, now, ErasureOutcome.Status.REFUSED, List.of(), 0,
                    List.of(), List.of(), plan.refusal(), Optional.empty());
            return finish(request.actor(), refused);
        }
        Run run = new Run();
        ErasureContext context = new ErasureContext(subject, request.actor(), now, plan.kept());
        Optional<String> failure = step("withdrawal of consent", () -> withdraw(request, plan, run))
                .or(() -> step("suppression of contact points", () -> suppress(request, plan, run)));
        for (SubjectDataContributor c : contributors) {
            if (failure.isPresent()) {
                break;
            }
            failure = step("contributor '" + c.name() + "'", () -> {
                ContributorErasure done = Objects.requireNonNull(c.erase(subject, context),
                        "contributor " + c.name() + " returned no result");
                done.erased().forEach(i -> run.erased.add(new ErasureOutcome.Erased(c.name(), i.what(), i.count())));
                done.kept().forEach(i -> run.kept.add(new ErasureOutcome.Kept(c.name(), i.what(), i.count(), i.reason())));
            });
        }
        if (failure.isEmpty()) {
            failure = step("crypto-shredding", () -> shred(request, plan, run));
        }
        if (failure.isEmpty() && run.kept.isEmpty() && plan.isFullErasure(request)) {
            // nothing of the subject is kept, so no retention period can run on their business events
            failure = step("retention anchors", () -> forgetAnchors(subject, run));
        }
        int events = kit.history(subject).entries().size();
        if (events > 0) {
            run.kept.add(new ErasureOutcome.Kept(KIT, "consent events", events, new KeepReason(KeepGround.PROOF,
                    "the consent ledger proves consent and its withdrawal (GDPR Art. 5(2), 7(1)); it holds the host's"
                            + " subject id and keyed hashes, no contact details or names")));
        }
        ErasureOutcome.Status status = failure.isPresent() ? ErasureOutcome.Status.INCOMPLETE
                : run.changedAnything() ? ErasureOutcome.Status.COMPLETED : ErasureOutcome.Status.NOTHING_TO_ERASE;
        return finish(request.actor(), new ErasureOutcome(id, ref, now, status, run.withdrawn, run.suppressed,
                run.erased, run.kept, List.of(), failure));
    }

    /** What one run did so far. */
    private static final class Run {
        final List<PurposeId> withdrawn = new ArrayList<>();
        int suppressed;
        final List<ErasureOutcome.Erased> erased = new ArrayList<>();
        final List<ErasureOutcome.Kept> kept = new ArrayList<>();

        boolean changedAnything() {
            return !withdrawn.isEmpty() || suppressed > 0 || !erased.isEmpty();
        }
    }

    private static Optional<String> step(String name, Runnable work) {
        try {
            work.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            // the exception's message may quote the host's data: only its type is kept
            LOG.warn("erasure step {} failed with {}; the erasure is incomplete, run it again to resume", name,
                    e.getClass().getName());
            return Optional.of(name + " failed (" + e.getClass().getSimpleName() + "): run the erasure again to resume");
        }
    }

    private void forgetAnchors(SubjectId subject, Run run) {
        int forgotten = KitContext.of(kit).storage().inTransaction(tx -> RetentionStore.in(tx).forgetEvents(subject));
        if (forgotten > 0) {
            run.erased.add(new ErasureOutcome.Erased(KIT, "retention anchors (business events)", forgotten));
        }
    }

    private void withdraw(ErasureRequest request, ErasurePlan plan, Run run) {
        SubjectId subject = request.subject();
        for (Purpose p : plan.inScope()) {
            if (!p.needsConsent()) {
                continue;
            }
            List<ConsentState> states = KitContext.of(kit).storage().read(tx -> Reads.states(tx, subject, p.id()));
            boolean valid = states.stream().anyMatch(s -> s.status().map(ConsentStatus::isValid).orElse(false));
            if (valid) {
                Evidence evidence = kit.evidence(CollectionMethod.SYSTEM).recordedBy(request.actor()).build();
                kit.consent(subject, p.id()).evidence(evidence).withdraw();
                run.withdrawn.add(p.id());
            }
        }
    }

    private void suppress(ErasureRequest request, ErasurePlan plan, Run run) {
        if (request.contacts().isEmpty()) {
            return;
        }
        SubjectId subject = request.subject();
        for (ContactPoint contact : request.contacts()) {
            if (request.suppressEverywhere() && kit.suppressEverywhere(contact, request.actor())) {
                run.suppressed++;
            }
        }
        if (request.suppressEverywhere()) {
            return;
        }
        for (Purpose p : plan.inScope()) {
            boolean objected = KitContext.of(kit).storage().read(tx -> Reads.states(tx, subject, p.id()))
                    .stream().anyMatch(ConsentState::objected);
            if (objected) {
                for (ContactPoint contact : request.contacts()) {
                    if (kit.suppress(contact, p.id(), request.actor())) {
                        run.suppressed++;
                    }
                }
            }
        }
    }

    private void shred(ErasureRequest request, ErasurePlan plan, Run run) {
        if (protector().isEmpty()) {
            return;
        }
        FieldProtector fp = protector().get();
        Map<KeyGroup, Set<CategoryId>> groups = new TreeMap<>();
        for (ProtectionProfile.Field f : fp.describe().fields()) {
            groups.computeIfAbsent(f.group(), g -> new TreeSet<>()).add(f.category());
        }
        Set<KeyGroup> erasable = new TreeSet<>();
        Map<KeyGroup, KeepReason> keptGroups = new TreeMap<>();
        groups.forEach((group, categories) -> {
            Optional<KeepReason> why = categories.stream().map(c -> plan.kept().get(c)).filter(Objects::nonNull).findFirst();
            why.ifPresentOrElse(r -> keptGroups.put(group, r), () -> erasable.add(group));
        });
        SubjectId subject = request.subject();
        KeyedHash ref = kit.subjectRef(subject);
        boolean everything = plan.isFullErasure(request) && keptGroups.isEmpty();
        if (everything || !erasable.isEmpty()) {
            ErasureReceipt receipt = fp.shred(subject, everything ? Set.of() : erasable, request.actor());
            String which = everything ? "every group" : "groups " + erasable.stream().map(KeyGroup::value).collect(java.util.stream.Collectors.joining(", "));
            if (receipt.keysDestroyed() > 0) {
                run.erased.add(new ErasureOutcome.Erased(PROTECTOR, "data keys of " + which + " (crypto-shredded)",
                        receipt.keysDestroyed()));
            }
            if (receipt.indexEntriesRemoved() > 0) {
                run.erased.add(new ErasureOutcome.Erased(PROTECTOR, "blind-index entries", receipt.indexEntriesRemoved()));
            }
        }
        if (plan.isFullErasure(request) && !keptGroups.isEmpty()) {
            // the erased client is no longer to be found by e-mail or phone; kept records are reached by id
            int removed = KitContext.of(kit).storage().inTransaction(tx -> BlindIndexStore.in(tx).removeSubject(subject));
            if (removed > 0) {
                run.erased.add(new ErasureOutcome.Erased(PROTECTOR, "blind-index entries", removed));
            }
        }
        if (!keptGroups.isEmpty()) {
            List<WrappedKey> left = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(ref));
            keptGroups.forEach((group, reason) -> run.kept.add(new ErasureOutcome.Kept(PROTECTOR,
                    "data keys of group " + group, left.stream().filter(k -> k.group().equals(group)).count(), reason)));
        }
    }

    private ErasureOutcome finish(Actor actor, ErasureOutcome outcome) {
        AuditAction action = switch (outcome.status()) {
            case COMPLETED, NOTHING_TO_ERASE -> SUBJECT_ERASED;
            case REFUSED -> ERASURE_REFUSED;
            case INCOMPLETE -> ERASURE_INCOMPLETE;
        };
        AuditOutcome result = switch (outcome.status()) {
            case COMPLETED, NOTHING_TO_ERASE -> AuditOutcome.SUCCESS;
            case REFUSED -> AuditOutcome.DENIED;
            case INCOMPLETE -> AuditOutcome.FAILED;
        };
        audit(outcome.at(), actor, action, outcome.subjectRef(), result, outcome.id());
        LOG.info("erasure {} of subject {}: {} ({} erased, {} kept, {} consents withdrawn, {} suppressed)",
                outcome.id(), outcome.subjectRef(), outcome.status(), outcome.erased().size(), outcome.kept().size(),
                outcome.withdrawn().size(), outcome.suppressed());
        return outcome;
    }

    private void audit(Instant at, Actor actor, AuditAction action, KeyedHash ref, AuditOutcome result, UUID id) {
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, new AuditEvent(at, actor, action, Optional.of(ref),
                Optional.empty(), result, Optional.of(id.toString()))));
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
        return "SubjectDataService[" + contributors.size() + " contributors, protector " + protector().isPresent() + "]";
    }

    /** Configures a {@link SubjectDataService}. Not thread-safe. */
    public static final class Builder {
        private final ConsentKit kit;
        private final Map<String, SubjectDataContributor> contributors = new LinkedHashMap<>();

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param contributor a contributor of the host's tables; called in registration order
         * @return this builder
         * @throws IllegalArgumentException if its name is malformed or taken
         */
        public Builder contributor(SubjectDataContributor contributor) {
            Objects.requireNonNull(contributor, "contributor");
            String name = ExportNames.code(contributor.name(), "contributor name");
            if (name.equals(KIT) || name.equals(PROTECTOR) || contributors.putIfAbsent(name, contributor) != null) {
                throw new IllegalArgumentException("contributor name '" + name + "' is taken");
            }
            return this;
        }

        /** @return the service */
        public SubjectDataService build() {
            KitContext context = KitContext.of(kit);
            context.requirePort(RequestStore.class, InMemoryRequests::new);
            context.requirePort(HoldStore.class, InMemoryHolds::new);
            // an erasure forgets the subject's retention anchors, whether or not a RetentionEngine was built
            context.requirePort(RetentionStore.class, InMemoryRetention::new);
            return new SubjectDataService(this);
        }
    }
}
