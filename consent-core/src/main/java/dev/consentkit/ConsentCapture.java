package dev.consentkit;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeVersion;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Records one consent event for a subject and purpose: say what was shown and how, then call one
 * verb ({@link #give()}, {@link #withdraw()}, ...). Obtained from {@link ConsentKit#consent}.
 *
 * <pre>{@code
 * kit.consent(client, NEWSLETTER)
 *    .channel(Channel.EMAIL)
 *    .notice("1.0", Locale.forLanguageTag("ru"))
 *    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build())
 *    .idempotencyKey(requestId)
 *    .give();
 * }</pre>
 *
 * <p>Not thread-safe; use one capture per request. Every verb validates the whole request first
 * and stores nothing when it throws.
 */
public final class ConsentCapture {
    private final ConsentKit kit;
    private final SubjectId subject;
    private final PurposeId purpose;
    private Channel channel;
    private AssetId asset;
    private NoticeVersion noticeVersion;
    private Locale locale;
    private Evidence evidence;
    private IdempotencyKey idempotencyKey;
    private Instant occurredAt;

    ConsentCapture(ConsentKit kit, SubjectId subject, PurposeId purpose) {
        this.kit = kit;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * @param channel narrows the consent to one channel
     * @return this capture
     */
    public ConsentCapture channel(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /**
     * @param asset narrows the consent to one asset (a photo, a project)
     * @return this capture
     */
    public ConsentCapture asset(AssetId asset) {
        this.asset = Objects.requireNonNull(asset, "asset");
        return this;
    }

    /**
     * Names the notice version shown; only for {@link #give()}, {@link #renew()}, {@link #request()} and
     * {@link #refuse()} (a withdrawal or revocation with a version is refused).
     *
     * @param version the notice version shown, e.g. {@code "1.0"}; default the current one
     * @param shownIn the language shown; default the catalogue's default locale
     * @return this capture
     * @throws IllegalArgumentException if the version is not of the form {@code major.minor}
     */
    public ConsentCapture notice(String version, Locale shownIn) {
        this.noticeVersion = NoticeVersion.parse(version);
        this.locale = Objects.requireNonNull(shownIn, "shownIn");
        return this;
    }

    /**
     * @param shownIn the language the current notice version was shown in
     * @return this capture
     */
    public ConsentCapture locale(Locale shownIn) {
        this.locale = Objects.requireNonNull(shownIn, "shownIn");
        return this;
    }

    /**
     * @param evidence proof of how it came about; required
     * @return this capture
     */
    public ConsentCapture evidence(Evidence evidence) {
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        return this;
    }

    /**
     * @param key a key that makes a repeated submission record nothing new
     * @return this capture
     */
    public ConsentCapture idempotencyKey(String key) {
        this.idempotencyKey = IdempotencyKey.of(key);
        return this;
    }

    /**
     * @param time when it happened, if earlier than now (a paper form signed yesterday, an import);
     *             default now
     * @return this capture
     */
    public ConsentCapture occurredAt(Instant time) {
        this.occurredAt = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Records that the subject gave consent to the notice shown.
     *
     * @return the recorded entry (the earlier one for a repeated idempotency key)
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     * @throws dev.consentkit.core.consent.NotConsentBasedException if its basis is not consent
     * @throws dev.consentkit.core.purpose.UnknownNoticeVersionException if the version or language was never published
     * @throws dev.consentkit.core.consent.InvalidTimestampException if the time is before the epoch or in the future
     * @throws dev.consentkit.core.consent.IdempotencyConflictException if the key was used for another request
     * @throws IllegalStateException if no evidence was given
     */
    public LedgerEntry give() {
        return kit.capture(this, ConsentEvent.Kind.GIVEN);
    }

    /**
     * Records that the subject re-confirmed a consent given earlier (restarting its validity).
     *
     * @return the recorded entry
     * @throws dev.consentkit.core.consent.NothingToWithdrawException if no consent was ever given for the scope
     * @see #give() for the other exceptions
     */
    public LedgerEntry renew() {
        return kit.capture(this, ConsentEvent.Kind.RENEWED_GIVEN);
    }

    /**
     * Records that consent was asked for and no answer came yet.
     *
     * @return the recorded entry
     * @see #give() for the exceptions
     */
    public LedgerEntry request() {
        return kit.capture(this, ConsentEvent.Kind.REQUESTED);
    }

    /**
     * Records that the subject refused.
     *
     * @return the recorded entry
     * @see #give() for the exceptions
     */
    public LedgerEntry refuse() {
        return kit.capture(this, ConsentEvent.Kind.REFUSED);
    }

    /**
     * Records that the subject withdrew consent: as easy as giving it (GDPR Art. 7(3)).
     *
     * @return the recorded entry
     * @throws dev.consentkit.core.consent.NothingToWithdrawException if no valid consent covers or lies under the scope
     * @see #give() for the other exceptions
     */
    public LedgerEntry withdraw() {
        return kit.capture(this, ConsentEvent.Kind.WITHDRAWN);
    }

    /**
     * Records that someone other than the subject (the controller, a guardian) ended the consent.
     *
     * @return the recorded entry
     * @throws dev.consentkit.core.consent.NothingToWithdrawException if no valid consent covers or lies under the scope
     * @see #give() for the other exceptions
     */
    public LedgerEntry revoke() {
        return kit.capture(this, ConsentEvent.Kind.REVOKED);
    }

    SubjectId subject() {
        return subject;
    }

    PurposeId purpose() {
        return purpose;
    }

    Channel channelOrNull() {
        return channel;
    }

    AssetId assetOrNull() {
        return asset;
    }

    NoticeVersion noticeVersionOrNull() {
        return noticeVersion;
    }

    Locale localeOrNull() {
        return locale;
    }

    Evidence evidenceOrNull() {
        return evidence;
    }

    IdempotencyKey idempotencyKeyOrNull() {
        return idempotencyKey;
    }

    Instant occurredAtOrNull() {
        return occurredAt;
    }

    @Override
    public String toString() {
        return "ConsentCapture[" + subject + "/" + purpose + "]";
    }
}
