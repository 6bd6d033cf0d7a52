package dev.consentkit.core;

import dev.consentkit.ConsentCapture;
import dev.consentkit.ConsentKit;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyConflictException;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.InvalidTimestampException;
import dev.consentkit.core.consent.NotConsentBasedException;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.purpose.UnknownNoticeVersionException;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.UnknownPurposeException;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §5: every bad input gets the specific exception, a message that names the problem and
 * holds no personal value of the request, and nothing is stored - not in the ledger, the projection,
 * the suppression list or the audit chain.
 */
class BadInputTest {
    private static final String SUBJECT = "client-5521";
    private static final String EMAIL = "anna.petrova@example.org";
    private static final String BAD_EMAIL = "anna.petrova(at)example.org";
    private static final String IP = "203.0.113.77";
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final List<String> PERSONAL = List.of(SUBJECT, EMAIL, BAD_EMAIL, IP, USER_AGENT);

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final ConsentKit kit = Fixtures.kit(storage, clock);
    private final SubjectId anna = SubjectId.of(SUBJECT);

    /** Something is stored already, so "nothing stored" is not trivially an empty store. */
    @BeforeEach
    void history() {
        kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL).evidence(evidence()).idempotencyKey("req-0001").give();
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        kit.suppress(ContactPoint.email(EMAIL), NEWSLETTER, Actor.subject());
        clock.advance(Duration.ofMinutes(1));
    }

    private Evidence evidence() {
        return kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").ipAddress(IP).userAgent(USER_AGENT).build();
    }

    private ConsentCapture newsletter() {
        return kit.consent(anna, NEWSLETTER).evidence(evidence());
    }

    /**
     * Runs {@code call} and asserts it throws exactly {@code type} with a message naming every one of
     * {@code naming} and no personal value, and that nothing was stored.
     */
    private Throwable assertRejected(ThrowingCallable call, Class<? extends Throwable> type, String... naming) {
        StorageSnapshot before = StorageSnapshot.of(storage);

        Throwable thrown = catchThrowable(call);

        assertThat(thrown).isExactlyInstanceOf(type);
        assertThat(thrown.getMessage()).as("message of %s", type.getSimpleName()).isNotBlank().contains(naming);
        for (String personal : PERSONAL) {
            assertThat(thrown.toString()).as("message must not echo a personal value").doesNotContain(personal);
        }
        assertThat(StorageSnapshot.of(storage)).as("nothing stored").isEqualTo(before);
        return thrown;
    }

    // ---- identifiers ----

    /** The ids a caller hands in, each used where the API takes it. */
    enum Id {
        SUBJECT_ID("subject id", SubjectId.MAX_LENGTH),
        PURPOSE_ID("purpose id", PurposeId.MAX_LENGTH),
        ASSET_ID("asset id", AssetId.MAX_LENGTH),
        IDEMPOTENCY_KEY("idempotency key", IdempotencyKey.MAX_LENGTH),
        ACTOR_ID("actor id", Actor.MAX_LENGTH);

        final String name;
        final int maxLength;

        Id(String name, int maxLength) {
            this.name = name;
            this.maxLength = maxLength;
        }

        void use(BadInputTest t, String value) {
            switch (this) {
                case SUBJECT_ID -> t.kit.consent(SubjectId.of(value), NEWSLETTER).evidence(t.evidence()).give();
                case PURPOSE_ID -> t.kit.consent(t.anna, PurposeId.of(value)).evidence(t.evidence()).give();
                case ASSET_ID -> t.kit.consent(t.anna, PORTFOLIO).asset(AssetId.of(value)).evidence(t.evidence()).give();
                case IDEMPOTENCY_KEY -> t.newsletter().idempotencyKey(value).give();
                case ACTOR_ID -> t.kit.restrict(t.anna, INVOICES, Actor.operator(value));
            }
        }
    }

    static Stream<Arguments> badIds() {
        String overLong = EMAIL.repeat(10); // a personal value where an id belongs, and too long for any id
        return Stream.of(Id.values()).flatMap(id -> Stream.of(
                Arguments.of(id, null, NullPointerException.class),
                Arguments.of(id, "", IllegalArgumentException.class),
                Arguments.of(id, "   ", IllegalArgumentException.class),
                Arguments.of(id, overLong.substring(0, id.maxLength + 1), IllegalArgumentException.class),
                Arguments.of(id, "line\nbreak", IllegalArgumentException.class)));
    }

    @ParameterizedTest(name = "{0} = [{1}] -> {2}")
    @MethodSource("badIds")
    void aNullBlankOverLongOrControlCharacterIdIsRefusedNamingTheId(Id id, String value,
                                                                    Class<? extends Throwable> type) {
        Throwable thrown = assertRejected(() -> id.use(this, value), type, id.name);
        if (value != null && value.length() > id.maxLength) {
            assertThat(thrown.getMessage()).contains(String.valueOf(id.maxLength)).doesNotContain(value);
        }
    }

    @ParameterizedTest
    @EnumSource(Id.class)
    void theLongestAcceptedIdIsAccepted(Id id) {
        String longest = "a" + "x".repeat(id.maxLength - 1);
        if (id == Id.PURPOSE_ID) {
            // well-formed at the longest length, though no purpose of that name is declared
            assertThat(PurposeId.of(longest).value()).hasSize(id.maxLength);
            return;
        }
        int ledger = StorageSnapshot.of(storage).ledger().size();
        id.use(this, longest);
        assertThat(StorageSnapshot.of(storage).ledger()).hasSize(ledger + 1);
    }

    @Test
    void personalValuesInMalformedIdsAreNotEchoed() {
        assertRejected(() -> kit.consent(SubjectId.of(" " + SUBJECT), NEWSLETTER).evidence(evidence()).give(),
                IllegalArgumentException.class, "subject id", "whitespace");
        assertRejected(() -> kit.consent(anna, PurposeId.of(EMAIL)).evidence(evidence()).give(),
                IllegalArgumentException.class, "purpose id");
        assertRejected(() -> kit.restrict(anna, ORDERS, Actor.operator("Anna " + SUBJECT)),
                IllegalArgumentException.class, "actor id");
    }

    // ---- the catalogue ----

    @Test
    void consentForAnUndeclaredPurposeIsRefused() {
        Throwable thrown = assertRejected(() -> kit.consent(anna, PurposeId.of("telemarketing")).evidence(evidence())
                .give(), UnknownPurposeException.class, "telemarketing", "not declared");
        assertThat(((UnknownPurposeException) thrown).purpose()).isEqualTo(PurposeId.of("telemarketing"));
    }

    @Test
    void restrictionObjectionAndSuppressionForAnUndeclaredPurposeAreRefused() {
        PurposeId unknown = PurposeId.of("telemarketing");
        assertRejected(() -> kit.restrict(anna, unknown, Actor.operator("dpo")), UnknownPurposeException.class,
                "telemarketing");
        assertRejected(() -> kit.object(anna, unknown, Actor.subject()), UnknownPurposeException.class,
                "telemarketing");
        assertRejected(() -> kit.suppress(ContactPoint.email(EMAIL), unknown, Actor.subject()),
                UnknownPurposeException.class, "telemarketing");
    }

    @Test
    void checkingAnUndeclaredPurposeIsDeniedNotThrown() {
        StorageSnapshot before = StorageSnapshot.of(storage);
        ConsentScope scope = ConsentScope.of(anna, PurposeId.of("telemarketing"));

        assertThat(kit.check(scope)).isEqualTo(new Decision.Denied(scope, DenialReason.UNKNOWN_PURPOSE));
        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
    }

    @Test
    void consentForAPurposeOnAnotherBasisIsRefused_M3() {
        assertRejected(() -> kit.consent(anna, ORDERS).evidence(evidence()).give(), NotConsentBasedException.class,
                "order-fulfilment", "CONTRACT");
        assertRejected(() -> kit.consent(anna, INVOICES).evidence(evidence()).withdraw(),
                NotConsentBasedException.class, "invoices", "LEGAL_OBLIGATION");
    }

    // ---- notices ----

    @Test
    void aNoticeVersionThatWasNeverPublishedIsRefused() {
        assertRejected(() -> newsletter().notice("2.0", RU).give(), UnknownNoticeVersionException.class,
                "newsletter-notice", "2.0", "no such version");
    }

    @Test
    void aLanguageTheNoticeWasNeverPublishedInIsRefused() {
        assertRejected(() -> newsletter().locale(Locale.GERMAN).give(), UnknownNoticeVersionException.class,
                "newsletter-notice", "no text in locale de");
        assertRejected(() -> newsletter().notice("1.0", Locale.GERMAN).refuse(), UnknownNoticeVersionException.class,
                "newsletter-notice", "1.0", "de");
    }

    @Test
    void aMalformedNoticeVersionIsRefused() {
        assertRejected(() -> newsletter().notice("v2", RU).give(), IllegalArgumentException.class, "major.minor");
    }

    // ---- withdrawal ----

    @Test
    void withdrawingWhatWasNeverGivenIsRefused_M6() {
        SubjectId other = SubjectId.of("client-5522");
        assertRejected(() -> kit.consent(other, NEWSLETTER).evidence(evidence()).withdraw(),
                NothingToWithdrawException.class, "withdraw", "newsletter");
        assertRejected(() -> kit.consent(other, NEWSLETTER).evidence(evidence()).revoke(),
                NothingToWithdrawException.class, "revoke", "newsletter");
        assertRejected(() -> kit.consent(other, NEWSLETTER).evidence(evidence()).renew(),
                NothingToWithdrawException.class, "renew", "newsletter");
    }

    @Test
    void withdrawingAnotherChannelThanTheOneGivenIsRefused_M6() {
        assertRejected(() -> newsletter().channel(Channel.SMS).withdraw(), NothingToWithdrawException.class,
                "withdraw", "newsletter");
    }

    @Test
    void renewingAWiderScopeThanWasGivenIsRefused_M5() {
        // consent was given for e-mail only; "renewing" the whole purpose would start to permit SMS
        assertRejected(() -> newsletter().renew(), NothingToWithdrawException.class, "renew", "newsletter");
        assertThat(kit.check(ConsentScope.of(anna, NEWSLETTER).withChannel(Channel.SMS)).isPermitted()).isFalse();
    }

    @Test
    void withdrawingTwiceIsRefusedTheSecondTime_M6() {
        newsletter().channel(Channel.EMAIL).withdraw();

        assertRejected(() -> newsletter().channel(Channel.EMAIL).withdraw(), NothingToWithdrawException.class,
                "withdraw", "newsletter");
    }

    // ---- time ----

    @Test
    void anEventBeforeTheEpochIsRefused() {
        assertRejected(() -> newsletter().occurredAt(Instant.EPOCH.minusMillis(1)).give(),
                InvalidTimestampException.class, "event time", "before 1970-01-01T00:00:00Z");
    }

    @Test
    void anEventFurtherInTheFutureThanTheToleranceIsRefused() {
        assertRejected(() -> newsletter().occurredAt(clock.instant().plus(Duration.ofMinutes(5)).plusMillis(1)).give(),
                InvalidTimestampException.class, "event time", "PT5M", "future");
    }

    @Test
    void anEventExactlyAtTheToleranceIsAccepted() {
        Instant edge = clock.instant().plus(Duration.ofMinutes(5));

        assertThat(newsletter().occurredAt(edge).give().event().occurredAt()).isEqualTo(edge);
    }

    // ---- idempotency ----

    @Test
    void aRepeatedIdempotencyKeyWithOtherContentIsRefused() {
        assertRejected(() -> kit.consent(anna, NEWSLETTER).channel(Channel.SMS).evidence(evidence())
                        .idempotencyKey("req-0001").give(),
                IdempotencyConflictException.class, "req-0001", "different request");
    }

    // ---- evidence and contact points ----

    @Test
    void consentWithoutEvidenceIsRefused_M4() {
        assertRejected(() -> kit.consent(anna, NEWSLETTER).give(), IllegalStateException.class,
                "newsletter", "needs evidence");
        assertRejected(() -> kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL).withdraw(),
                IllegalStateException.class, "newsletter", "needs evidence");
    }

    @Test
    void malformedEvidenceReferencesAreRefused() {
        assertRejected(() -> newsletter().evidence(kit.evidence(CollectionMethod.PAPER_FORM).attachment(" ").build())
                .give(), IllegalArgumentException.class, "attachment reference");
        assertRejected(() -> newsletter().evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX)
                .formId(EMAIL.repeat(6)).build()).give(), IllegalArgumentException.class, "form id", "128");
    }

    @Test
    void aMalformedContactPointIsRefusedWithoutEchoingIt_M18() {
        assertRejected(() -> kit.suppress(ContactPoint.email(BAD_EMAIL), NEWSLETTER, Actor.subject()),
                IllegalArgumentException.class, "not a valid EMAIL");
        assertRejected(() -> kit.suppressEverywhere(ContactPoint.phone("+7 (91) 2"), Actor.subject()),
                IllegalArgumentException.class, "not a valid PHONE");
    }

    // ---- nulls at the boundary ----

    static Stream<Arguments> nullArguments() {
        return Stream.of(
                Arguments.of("consent subject", (Call) t -> t.kit.consent(null, NEWSLETTER), "subject"),
                Arguments.of("consent purpose", (Call) t -> t.kit.consent(t.anna, null), "purpose"),
                Arguments.of("check scope", (Call) t -> t.kit.check(null), "scope"),
                Arguments.of("capture evidence", (Call) t -> t.kit.consent(t.anna, NEWSLETTER).evidence(null), "evidence"),
                Arguments.of("capture time", (Call) t -> t.newsletter().occurredAt(null), "time"),
                Arguments.of("capture channel", (Call) t -> t.newsletter().channel(null), "channel"),
                Arguments.of("restrict actor", (Call) t -> t.kit.restrict(t.anna, ORDERS, null), "actor"),
                Arguments.of("suppress contact", (Call) t -> t.kit.suppress(null, NEWSLETTER, Actor.subject()), "contact"),
                Arguments.of("history subject", (Call) t -> t.kit.history(null), "subject"),
                Arguments.of("evidence ip", (Call) t -> t.kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress(null),
                        "ipAddress"));
    }

    /** A call on the test's kit. */
    interface Call {
        void on(BadInputTest t) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void aNullArgumentIsRefusedNamingIt(String where, Call call, String argument) {
        assertRejected(() -> call.on(this), NullPointerException.class, argument);
    }

    @Test
    void aWithdrawalNamingANoticeVersionIsRefusedAndStoresNothing() {
        ConsentKit kit = Fixtures.kit(storage, clock);
        kit.consent(SubjectId.of("client-77"), Fixtures.NEWSLETTER)
                .evidence(kit.evidence(dev.consentkit.core.consent.CollectionMethod.WEB_CHECKBOX).build()).give();
        StorageSnapshot before = StorageSnapshot.of(storage);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.consent(SubjectId.of("client-77"), Fixtures.NEWSLETTER)
                        .notice("9.9", Fixtures.RU)
                        .evidence(kit.evidence(dev.consentkit.core.consent.CollectionMethod.WEB_CHECKBOX).build()).withdraw())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no notice version");
        org.assertj.core.api.Assertions.assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
    }
}
