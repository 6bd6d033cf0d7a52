package dev.consentkit.core;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.ConsentCapture;
import dev.consentkit.ConsentKit;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_RU;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;

import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.IdempotencyConflictException;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.NotConsentBasedException;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The studio kit over in-memory storage, driven by random operations: the ground the ledger
 * properties stand on. Two kits share storage and clock: {@link #kit} over the standard catalogue
 * and {@link #kitV2} over one whose newsletter notice has a new major version 2.0.
 *
 * <p>Not thread-safe; one per try.
 */
final class ConsentWorld {
    static final List<SubjectId> SUBJECTS =
            List.of(SubjectId.of("client-1"), SubjectId.of("client-2"), SubjectId.of("client-3"));
    static final List<Optional<Channel>> CHANNELS = List.of(Optional.of(Channel.EMAIL), Optional.of(Channel.SMS));
    static final List<Optional<AssetId>> ASSETS = List.of(Optional.of(AssetId.of("project-1")),
            Optional.of(AssetId.of("project-2")));
    static final String ENGLISH_2_0 = "I agree to receive news and offers, also from partners.";

    final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final ConsentKit kit = Fixtures.kit(storage, clock);
    final ConsentKit kitV2 = ConsentKit.builder().catalog(Fixtures.catalog(majorNotice())).storage(storage)
            .clock(clock).auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();

    /** The newsletter notice with the versions of the fixtures plus a major change 2.0. */
    static Notice majorNotice() {
        return Notice.builder(Fixtures.NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN.replace("details", "data")))
                .version("2.0", LocalizedText.of(RU, "Я согласен получать новости и акции, в том числе от партнёров.")
                        .and(EN, ENGLISH_2_0))
                .build();
    }

    /** One step a host may take. */
    sealed interface Op permits Capture, Limit, Advance, ExpireLapsed, InvalidateOutdated {
    }

    /** The capture verbs of {@link ConsentCapture}. */
    enum Verb { GIVE, RENEW, REQUEST, REFUSE, WITHDRAW, REVOKE }

    /** The restriction and objection switches of {@link ConsentKit}. */
    enum LimitKind { RESTRICT, LIFT_RESTRICTION, OBJECT, LIFT_OBJECTION }

    /** A consent capture, through {@link #kit} or (with {@code newNotice}) {@link #kitV2}. */
    record Capture(Verb verb, int subject, PurposeId purpose, Optional<Channel> channel,
                   Optional<AssetId> asset, Locale locale, boolean newNotice, Optional<String> idempotencyKey,
                   Duration backdate) implements Op {
        ConsentScope scope() {
            return new ConsentScope(SUBJECTS.get(subject), purpose, channel, asset);
        }
    }

    /** Restrict, object, or lift either. */
    record Limit(LimitKind kind, int subject, PurposeId purpose) implements Op {
    }

    /** Time passes. */
    record Advance(Duration by) implements Op {
    }

    /** The expiry sweep runs. */
    record ExpireLapsed() implements Op {
    }

    /** The notice sweep runs under the catalogue with the major notice change. */
    record InvalidateOutdated() implements Op {
    }

    /**
     * What an operation did: the entries it returned, or the caller mistake it was refused with.
     *
     * @param entries returned entries (an idempotent replay returns the earlier one)
     * @param refusal the expected exception, if it was refused
     */
    record Step(List<LedgerEntry> entries, Optional<ConsentException> refusal) {
    }

    Step run(Op op) {
        try {
            return new Step(apply(op), Optional.empty());
        } catch (NothingToWithdrawException | NotConsentBasedException | IdempotencyConflictException e) {
            return new Step(List.of(), Optional.of(e));
        }
    }

    private List<LedgerEntry> apply(Op op) {
        if (op instanceof Capture c) {
            return List.of(capture(c));
        }
        if (op instanceof Limit l) {
            SubjectId s = SUBJECTS.get(l.subject());
            Actor dpo = Actor.operator("dpo");
            return List.of(switch (l.kind()) {
                case RESTRICT -> kit.restrict(s, l.purpose(), dpo);
                case LIFT_RESTRICTION -> kit.liftRestriction(s, l.purpose(), dpo);
                case OBJECT -> kit.object(s, l.purpose(), Actor.subject());
                case LIFT_OBJECTION -> kit.liftObjection(s, l.purpose(), dpo);
            });
        }
        if (op instanceof Advance a) {
            clock.advance(a.by());
            return List.of();
        }
        if (op instanceof ExpireLapsed) {
            return kit.expireLapsed();
        }
        return kitV2.invalidateOutdated();
    }

    LedgerEntry capture(Capture c) {
        ConsentKit k = c.newNotice() ? kitV2 : kit;
        ConsentCapture capture = k.consent(SUBJECTS.get(c.subject()), c.purpose()).locale(c.locale())
                .evidence(k.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build());
        c.channel().ifPresent(capture::channel);
        c.asset().ifPresent(capture::asset);
        c.idempotencyKey().ifPresent(capture::idempotencyKey);
        if (!c.backdate().isZero()) {
            capture.occurredAt(clock.instant().minus(c.backdate()));
        }
        return switch (c.verb()) {
            case GIVE -> capture.give();
            case RENEW -> capture.renew();
            case REQUEST -> capture.request();
            case REFUSE -> capture.refuse();
            case WITHDRAW -> capture.withdraw();
            case REVOKE -> capture.revoke();
        };
    }

    /** @return the whole-purpose projection row of a subject and purpose, if any */
    Optional<ConsentState> wholePurposeState(SubjectId subject, PurposeId purpose) {
        return storage.read(tx -> Reads.states(tx, subject, purpose)).stream()
                .filter(s -> s.scope().isWholePurpose())
                .findFirst();
    }

    StorageSnapshot snapshot() {
        return StorageSnapshot.of(storage);
    }

    // ---- generators ----

    static Arbitrary<Integer> subjects() {
        return Arbitraries.integers().between(0, SUBJECTS.size() - 1);
    }

    static Arbitrary<Optional<Channel>> channels() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.empty())),
                Tuple.of(2, Arbitraries.of(CHANNELS)));
    }

    static Arbitrary<Optional<AssetId>> assets() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.of(ASSETS)));
    }

    /** Captures mostly on consent purposes, now and then on a contract purpose (which is refused). */
    static Arbitrary<Capture> captures() {
        Arbitrary<PurposeId> purposes = Arbitraries.frequency(
                Tuple.of(6, NEWSLETTER), Tuple.of(3, PORTFOLIO), Tuple.of(1, ORDERS));
        Arbitrary<Optional<String>> keys = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.of("key-1", "key-2").map(Optional::of)));
        Arbitrary<Duration> backdates = Arbitraries.frequency(
                Tuple.of(6, Duration.ZERO), Tuple.of(1, Duration.ofHours(3)), Tuple.of(1, Duration.ofDays(40)));
        return Combinators.combine(Arbitraries.of(Verb.class), subjects(), purposes, channels(), assets(),
                        Arbitraries.of(RU, EN), Arbitraries.integers().between(0, 4).map(i -> i == 0), keys)
                .as((verb, subject, purpose, channel, asset, locale, newNotice, key) ->
                        Tuple.of(verb, subject, purpose, channel, asset, locale, newNotice, key))
                .flatMap(t -> backdates.map(b -> new Capture(t.get1(), t.get2(), t.get3(), t.get4(), t.get5(),
                        t.get6(), t.get7(), t.get8(), b)));
    }

    static Arbitrary<Op> ops() {
        Arbitrary<Op> limits = Combinators.combine(Arbitraries.of(LimitKind.class), subjects(),
                        Arbitraries.of(NEWSLETTER, PORTFOLIO, ORDERS, INVOICES))
                .as(Limit::new);
        Arbitrary<Op> advances = Arbitraries.of(Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofDays(200), Duration.ofDays(366), Duration.ofDays(400)).map(Advance::new);
        return Arbitraries.frequencyOf(
                Tuple.of(10, captures().map(c -> (Op) c)),
                Tuple.of(3, limits),
                Tuple.of(3, advances),
                Tuple.of(1, Arbitraries.just(new ExpireLapsed())),
                Tuple.of(1, Arbitraries.just(new InvalidateOutdated())));
    }

    static Arbitrary<List<Op>> sequences(int maxSize) {
        return ops().list().ofMaxSize(maxSize);
    }
}
