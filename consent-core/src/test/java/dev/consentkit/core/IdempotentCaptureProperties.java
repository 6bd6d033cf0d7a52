package dev.consentkit.core;

import dev.consentkit.ConsentCapture;
import dev.consentkit.ConsentKit;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.ConsentWorld.Verb;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyConflictException;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.Tuple.Tuple8;
import net.jqwik.api.constraints.IntRange;

/**
 * Capture is idempotent (DESIGN §2): a form submitted twice, a retried HTTP request, a queue that
 * redelivers - the same idempotency key with the same content records one ledger event and one audit
 * record (M4, M21) and returns the same entry every time; the same key with other content is refused
 * and stores nothing.
 */
class IdempotentCaptureProperties {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** What a capture request says; each field is one thing a changed request may differ in. */
    record Request(Verb verb, int subject, PurposeId purpose, Optional<Channel> channel, Optional<AssetId> asset,
                   Locale locale, Optional<String> noticeVersion, String formId, String ip, String userAgent,
                   Actor recordedBy, Optional<Duration> backdate, String key) {

        /** Withdrawal, revocation and renewal act on an earlier consent; the others stand alone. */
        boolean needsEarlierConsent() {
            return verb == Verb.RENEW || verb == Verb.WITHDRAW || verb == Verb.REVOKE;
        }

        /** Given, renewed, requested and refused consents pin the notice shown; the others do not. */
        boolean pinsNotice() {
            return !(verb == Verb.WITHDRAW || verb == Verb.REVOKE);
        }

        Set<Change> possibleChanges() {
            Set<Change> changes = EnumSet.allOf(Change.class);
            if (!pinsNotice()) {
                changes.remove(Change.LOCALE);
                changes.remove(Change.NOTICE_VERSION);
            }
            if (!purpose.equals(NEWSLETTER)) {
                // the portfolio notice has only 1.0, which is also its current version
                changes.remove(Change.NOTICE_VERSION);
            }
            return changes;
        }

        Request with(Change change) {
            return switch (change) {
                case SUBJECT -> new Request(verb, (subject + 1) % ConsentWorld.SUBJECTS.size(), purpose, channel, asset,
                        locale, noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case PURPOSE -> new Request(verb, subject, purpose.equals(NEWSLETTER) ? PORTFOLIO : NEWSLETTER, channel,
                        asset, locale, noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case CHANNEL -> new Request(verb, subject, purpose,
                        channel.isPresent() ? Optional.empty() : Optional.of(Channel.EMAIL), asset, locale,
                        noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case ASSET -> new Request(verb, subject, purpose, channel,
                        asset.isPresent() ? Optional.empty() : Optional.of(AssetId.of("project-9")), locale,
                        noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case VERB -> new Request(Verb.values()[(verb.ordinal() + 1) % Verb.values().length], subject, purpose,
                        channel, asset, locale, noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case LOCALE -> new Request(verb, subject, purpose, channel, asset, locale.equals(RU) ? EN : RU,
                        noticeVersion, formId, ip, userAgent, recordedBy, backdate, key);
                case NOTICE_VERSION -> new Request(verb, subject, purpose, channel, asset, locale,
                        noticeVersion.isPresent() ? Optional.empty() : Optional.of("1.0"), formId, ip, userAgent,
                        recordedBy, backdate, key);
                case FORM -> new Request(verb, subject, purpose, channel, asset, locale, noticeVersion,
                        formId + "-b", ip, userAgent, recordedBy, backdate, key);
                case IP_ADDRESS -> new Request(verb, subject, purpose, channel, asset, locale, noticeVersion,
                        formId, ip.equals("198.51.100.7") ? "198.51.100.8" : "198.51.100.7", userAgent, recordedBy,
                        backdate, key);
                case USER_AGENT -> new Request(verb, subject, purpose, channel, asset, locale, noticeVersion,
                        formId, ip, userAgent + " (retry)", recordedBy, backdate, key);
                case RECORDER -> new Request(verb, subject, purpose, channel, asset, locale, noticeVersion,
                        formId, ip, userAgent,
                        recordedBy.equals(Actor.subject()) ? Actor.operator("desk-1") : Actor.subject(), backdate, key);
                case OCCURRED_AT -> new Request(verb, subject, purpose, channel, asset, locale, noticeVersion,
                        formId, ip, userAgent, recordedBy,
                        backdate.isPresent() ? Optional.empty() : Optional.of(Duration.ofHours(2)), key);
            };
        }
    }

    /** One way a second request with the same key may differ from the first. */
    enum Change {
        SUBJECT, PURPOSE, CHANNEL, ASSET, VERB, LOCALE, NOTICE_VERSION, FORM, IP_ADDRESS, USER_AGENT, RECORDER,
        OCCURRED_AT
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Tuple8<Verb, Integer, PurposeId, Optional<Channel>, Optional<AssetId>, Locale, Optional<String>,
                String>> what = Combinators.combine(Arbitraries.of(Verb.class), ConsentWorld.subjects(),
                        Arbitraries.of(NEWSLETTER, PORTFOLIO), ConsentWorld.channels(), ConsentWorld.assets(),
                        Arbitraries.of(RU, EN), Arbitraries.just("1.0").optional(),
                        Arbitraries.of("198.51.100.7", "2001:db8::1"))
                .as(Tuple::of);
        Arbitrary<Tuple3<Actor, Optional<Duration>, String>> how = Combinators.combine(
                        Arbitraries.of(Actor.subject(), Actor.operator("desk-2")),
                        Arbitraries.of(Duration.ofMinutes(10), Duration.ofDays(3)).optional(),
                        Arbitraries.strings().alpha().numeric().withChars('-', '_', ':').ofMinLength(1)
                                .ofMaxLength(IdempotencyKey.MAX_LENGTH))
                .as(Tuple::of);
        return Combinators.combine(what, how).as((w, h) -> new Request(w.get1(), w.get2(), w.get3(), w.get4(),
                w.get5(), w.get6(), w.get7(), "signup", w.get8(), "Firefox/140", h.get1(), h.get2(), h.get3()));
    }

    @Provide
    Arbitrary<Duration> pauses() {
        return Arbitraries.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofDays(2));
    }

    @Provide
    Arbitrary<Tuple2<Request, Change>> changedRequests() {
        return requests().flatMap(r -> Arbitraries.of(r.possibleChanges()).map(c -> Tuple.of(r, c)));
    }

    /** M4, M21: N submissions with one key: one ledger event, one audit record, one entry returned N times. */
    @Property(tries = 150)
    void repeatedSubmissionRecordsOnce_M4_M21(@ForAll("requests") Request request,
                                              @ForAll @IntRange(min = 1, max = 5) int times,
                                              @ForAll("pauses") Duration pause) {
        ConsentWorld world = prepared(request);
        StorageSnapshot before = world.snapshot();

        List<LedgerEntry> returned = new ArrayList<>();
        StorageSnapshot afterFirst = null;
        for (int i = 0; i < times; i++) {
            returned.add(submit(world, request));
            if (afterFirst == null) {
                afterFirst = world.snapshot();
            }
            world.clock.advance(pause);
        }
        StorageSnapshot after = world.snapshot();

        LedgerEntry entry = returned.get(0);
        assertThat(returned).as("every submission returns the first entry").containsOnly(entry);
        assertThat(entry.event().idempotencyKey()).contains(IdempotencyKey.of(request.key()));
        assertThat(after.ledger()).hasSize(before.ledger().size() + 1).last().isEqualTo(entry);
        assertThat(after.audit()).hasSize(before.audit().size() + 1).last()
                .satisfies(r -> assertThat(r.event().reference()).contains(entry.event().id().toString()));
        assertThat(after).as("repeats store nothing at all").isEqualTo(afterFirst);
        assertThat(after.projection()).isEqualTo(ConsentProjector.replay(after.ledger()));
    }

    /** The same key with different content is refused, stores nothing, and the first request still replays. */
    @Property(tries = 200)
    void sameKeyWithOtherContentIsRefusedAndStoresNothing(@ForAll("changedRequests") Tuple2<Request, Change> pair) {
        Request first = pair.get1();
        Request changed = first.with(pair.get2());
        ConsentWorld world = prepared(first);
        LedgerEntry recorded = submit(world, first);
        StorageSnapshot before = world.snapshot();

        assertThatThrownBy(() -> submit(world, changed))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("already used for a different request")
                .message().doesNotContain(ConsentWorld.SUBJECTS.get(changed.subject()).value(), changed.ip(),
                        changed.userAgent());
        assertThat(world.snapshot()).as("a conflicting %s stores nothing", pair.get2()).isEqualTo(before);
        assertThat(submit(world, first)).as("the first request still replays").isEqualTo(recorded);
    }

    /** A world where the request's scope has a consent to withdraw, revoke or renew, if it needs one. */
    private static ConsentWorld prepared(Request request) {
        ConsentWorld world = new ConsentWorld();
        if (request.needsEarlierConsent()) {
            ConsentCapture earlier = world.kit.consent(ConsentWorld.SUBJECTS.get(request.subject()), request.purpose())
                    .evidence(world.kit.evidence(CollectionMethod.WEB_CHECKBOX).build());
            request.channel().ifPresent(earlier::channel);
            request.asset().ifPresent(earlier::asset);
            earlier.give();
        }
        return world;
    }

    private static LedgerEntry submit(ConsentWorld world, Request r) {
        ConsentKit kit = world.kit;
        Evidence evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId(r.formId()).ipAddress(r.ip())
                .userAgent(r.userAgent()).recordedBy(r.recordedBy()).build();
        ConsentCapture capture = kit.consent(ConsentWorld.SUBJECTS.get(r.subject()), r.purpose())
                .evidence(evidence)
                .idempotencyKey(r.key());
        // a withdrawal or revocation answers no notice version, and naming one is refused
        r.noticeVersion().filter(v -> r.pinsNotice())
                .ifPresentOrElse(v -> capture.notice(v, r.locale()), () -> capture.locale(r.locale()));
        r.channel().ifPresent(capture::channel);
        r.asset().ifPresent(capture::asset);
        r.backdate().ifPresent(b -> capture.occurredAt(START.minus(b)));
        return switch (r.verb()) {
            case GIVE -> capture.give();
            case RENEW -> capture.renew();
            case REQUEST -> capture.request();
            case REFUSE -> capture.refuse();
            case WITHDRAW -> capture.withdraw();
            case REVOKE -> capture.revoke();
        };
    }
}
