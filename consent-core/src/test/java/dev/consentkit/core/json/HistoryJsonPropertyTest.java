package dev.consentkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any history the domain accepts is written and read back equal: JSON loses nothing (M4). */
class HistoryJsonPropertyTest {
    private final ConsentJson json = ConsentJson.create();

    @Property(tries = 200)
    void everyHistoryReadsBackEqual(@ForAll("histories") ConsentHistory history) {
        String text = json.writeHistory(history);

        assertThat(json.readHistory(text)).isEqualTo(history);
    }

    @Provide
    Arbitrary<ConsentHistory> histories() {
        Arbitrary<SubjectId> subjects = texts().map(SubjectId::of);
        return Combinators.combine(subjects, events().list().ofMaxSize(6), Arbitraries.longs().between(1, 1_000_000))
                .as((subject, events, start) -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    long sequence = start;
                    for (ConsentEvent e : events) {
                        ConsentScope scope = new ConsentScope(subject, e.scope().purpose(), e.scope().channel(),
                                e.scope().asset());
                        entries.add(new LedgerEntry(sequence, new ConsentEvent(e.id(), scope, e.kind(), e.occurredAt(),
                                e.recordedAt(), e.notice(), e.evidence(), e.validUntil(), e.idempotencyKey(),
                                e.requestDigest())));
                        sequence += 1 + (sequence % 3);
                    }
                    return new ConsentHistory(subject, entries);
                });
    }

    private Arbitrary<ConsentEvent> events() {
        Arbitrary<Tuple.Tuple3<PurposeId, Optional<Channel>, Optional<AssetId>>> scopes = Combinators.combine(
                Arbitraries.of("newsletter", "portfolio", "order-fulfilment").map(PurposeId::of),
                Arbitraries.of("email", "sms", "telegram").map(Channel::of).optional(),
                texts().map(AssetId::of).optional()).as(Tuple::of);
        Arbitrary<Tuple.Tuple3<Instant, Instant, Optional<Instant>>> times = Combinators.combine(
                instants(), instants(), instants().optional()).as(Tuple::of);
        return Combinators.combine(Arbitraries.of(ConsentEvent.Kind.class), scopes, times, notices().optional(),
                        evidence(), texts().map(IdempotencyKey::of).optional(), Arbitraries.randomValue(r -> new UUID(
                                r.nextLong(), r.nextLong())), hashes())
                .as((kind, scope, time, notice, evidence, key, id, digest) -> {
                    boolean narrowable = kind.status().isPresent();
                    boolean valid = kind.status().map(ConsentStatus::isValid).orElse(false);
                    ConsentScope s = new ConsentScope(SubjectId.of("placeholder"), scope.get1(),
                            narrowable ? scope.get2() : Optional.empty(), narrowable ? scope.get3() : Optional.empty());
                    return new ConsentEvent(id, s, kind, time.get1(), time.get2(), notice, evidence,
                            valid ? time.get3() : Optional.empty(), key, digest);
                });
    }

    private Arbitrary<NoticeRef> notices() {
        return Combinators.combine(
                Arbitraries.of("newsletter-notice", "portfolio-notice").map(NoticeId::of),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99),
                Arbitraries.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("de-AT"),
                        Locale.forLanguageTag("sr-Latn-RS")),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64))
                .as((id, major, minor, locale, hash) -> new NoticeRef(id, new NoticeVersion(major, minor), locale, hash));
    }

    private Arbitrary<Evidence> evidence() {
        Arbitrary<Actor> actors = Arbitraries.of(Actor.Kind.class).flatMap(kind -> kind == Actor.Kind.SUBJECT
                ? Arbitraries.just(Actor.subject())
                : Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20)
                        .map(id -> new Actor(kind, Optional.of(id))));
        Arbitrary<KeyedHash> keyedHashes = hashes().map(KeyedHash::new);
        return Combinators.combine(Arbitraries.of(CollectionMethod.class), texts().optional(),
                        keyedHashes.optional(), keyedHashes.optional(), actors, texts().optional(), texts().optional())
                .as(Evidence::new);
    }

    /** Printable text, Cyrillic and quotes included, never blank and without surrounding blanks. */
    private static Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange('!', '~').withCharRange('а', 'я').withChars('"', '\\', 'ё')
                .ofMinLength(1).ofMaxLength(30);
    }

    private static Arbitrary<String> hashes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').numeric().withChars('-', '_')
                .ofLength(43);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }
}
