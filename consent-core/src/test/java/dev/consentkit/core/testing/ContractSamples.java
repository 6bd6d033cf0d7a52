package dev.consentkit.core.testing;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.spi.ConsentStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Sample ledger events, projection states and keyed hashes for the storage contract suites, built
 * from the public API only. Values carry microsecond times and non-ASCII text on purpose: a store must
 * give back exactly what it was given.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContractSamples {
    /** A time with microseconds: the finest precision stores keep (the kit records times to the microsecond). */
    public static final Instant T0 = Instant.parse("2026-03-02T10:15:30.123456Z");
    /** Text that needs more than one byte per character in UTF-8, including a 4-byte one. */
    public static final String NON_ASCII = "Ærøskøbing-Пётр-東京-😀";
    private static final int PAGE = 500;

    private ContractSamples() {
    }

    /**
     * @param seed any text
     * @return a well-formed keyed hash derived from it (not a real HMAC: stores treat it as opaque)
     */
    public static KeyedHash hash(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return new KeyedHash(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * @param scope what it is about
     * @param kind what happened
     * @return an event with every optional field absent
     */
    public static ConsentEvent event(ConsentScope scope, ConsentEvent.Kind kind) {
        return new ConsentEvent(UUID.randomUUID(), scope, kind, T0, T0, Optional.empty(), Evidence.system("contract"),
                Optional.empty(), Optional.empty(), "digest-" + kind);
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @param kind what happened
     * @return an event about the whole purpose with every optional field absent
     */
    public static ConsentEvent event(SubjectId subject, PurposeId purpose, ConsentEvent.Kind kind) {
        return event(ConsentScope.of(subject, purpose), kind);
    }

    /**
     * @param scope what it is about
     * @param key the idempotency key
     * @return a given-consent event recorded under {@code key}
     */
    public static ConsentEvent keyed(ConsentScope scope, IdempotencyKey key) {
        return new ConsentEvent(UUID.randomUUID(), scope, ConsentEvent.Kind.GIVEN, T0, T0, Optional.empty(),
                Evidence.system("contract"), Optional.empty(), Optional.of(key), "digest-" + key.value().length());
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @return a given-consent event with every field present: channel and asset scope, a notice
     *         shown in a script-tagged locale, full evidence with non-ASCII references, a validity
     *         end, an idempotency key with a trailing blank, and an occurrence before its recording
     */
    public static ConsentEvent fullEvent(SubjectId subject, PurposeId purpose) {
        ConsentScope scope = ConsentScope.of(subject, purpose).withChannel(Channel.of("telegram_2"))
                .withAsset(AssetId.of("проект 42 / фото №7 😀"));
        NoticeRef notice = new NoticeRef(NoticeId.of("newsletter-notice.v2_x"), new NoticeVersion(12, 345),
                Locale.forLanguageTag("sr-Latn-RS"), Notice.sha256Hex(NON_ASCII));
        Evidence evidence = new Evidence(CollectionMethod.PAPER_FORM, Optional.of("форма-" + NON_ASCII),
                Optional.of(hash("ip")), Optional.of(hash("user-agent")), Actor.operator("desk-7@front.office:2"),
                Optional.of("guardian «Ω» 17"), Optional.of("scans/2026/03/согласие 😀.pdf"));
        return new ConsentEvent(UUID.randomUUID(), scope, ConsentEvent.Kind.GIVEN,
                T0.minusSeconds(86_400 * 400L).plus(1, java.time.temporal.ChronoUnit.MICROS), T0, Optional.of(notice), evidence,
                Optional.of(Instant.parse("2027-03-02T10:15:30.000001Z")),
                Optional.of(IdempotencyKey.of("req-" + NON_ASCII + " ")), "dIgEsT_AbC-xyz_0123456789");
    }

    /**
     * @param scope the scope
     * @param status its status
     * @param sequence the ledger sequence of its latest status event
     * @return a state with no notice, no validity end, neither restricted nor objected
     */
    public static ConsentState state(ConsentScope scope, ConsentStatus status, long sequence) {
        return new ConsentState(scope, Optional.of(status), T0, Optional.empty(), Optional.empty(), sequence,
                false, false);
    }

    /**
     * @param storage a store
     * @return its whole ledger, read page by page through the SPI, in sequence order
     */
    public static List<LedgerEntry> wholeLedger(ConsentStorage storage) {
        List<LedgerEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<LedgerEntry> page = storage.read(tx -> Reads.entries(tx, from, PAGE));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
    }
}
