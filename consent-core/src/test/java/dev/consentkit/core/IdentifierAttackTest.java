package dev.consentkit.core;

import dev.consentkit.ConsentKit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.access.Principal;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.register.BreachId;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, finding 6: two subject ids shared one reference. {@code "user-\uD800"} (a lone surrogate)
 * encoded as {@code "user-?"}, so both got the same keyed subject reference, and through it the same
 * data keys, associated data and audit pseudonym. Every id now refuses malformed UTF-16, and every
 * encoding for a MAC or digest is strict.
 */
class IdentifierAttackTest {
    private static final String LONE_HIGH = "user-\uD800";
    private static final String LONE_LOW = "user-\uDC00";
    private static final String LOOKALIKE = "user-?";

    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));

    @Test
    void theLoneSurrogateEncodedLikeAQuestionMarkWhichIsWhatTheAttackUsed() {
        // the platform's lenient encoder, which Canonical used before: the root of the finding
        assertThat(LONE_HIGH.getBytes(StandardCharsets.UTF_8)).isEqualTo(LOOKALIKE.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {LONE_HIGH, LONE_LOW, "\uD800user", "a\uDBFF\uD800b", "\uDC00\uD800"})
    void aSubjectIdWithALoneSurrogateIsRefusedSoItCannotTakeAnotherSubjectsReference(String malformed) {
        assertThatThrownBy(() -> SubjectId.of(malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject id is not well-formed UTF-16 (it has a lone surrogate)");
    }

    @Test
    void theLookalikeAndAWellFormedSupplementaryCharacterStayDistinctSubjects() {
        SubjectId question = SubjectId.of(LOOKALIKE);
        SubjectId emoji = SubjectId.of("user-\uD83D\uDE00");

        assertThat(kit.subjectRef(question)).isNotEqualTo(kit.subjectRef(emoji));
        assertThat(kit.subjectRef(emoji)).isEqualTo(kit.subjectRef(SubjectId.of("user-\uD83D\uDE00")));
    }

    @Test
    void everyOtherFreeTextIdAndTheContactPointRefuseALoneSurrogate() {
        assertThatThrownBy(() -> AssetId.of("photo-\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asset id is not well-formed UTF-16");
        assertThatThrownBy(() -> IdempotencyKey.of("form-\uDC00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key is not well-formed UTF-16");
        assertThatThrownBy(() -> ContactPoint.email("anna\uD800@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contact point is not well-formed UTF-16 (it has a lone surrogate)");
        // the ids checked against ASCII patterns or UUID forms never took one
        assertThatThrownBy(() -> PurposeId.of("news\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.operator("olga\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Principal.of("olga\uD800", "manager")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeId.of("notice\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BreachId.of("123e4567-e89b-12d3-a456-42661417400\uD800"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestId.of("123e4567-e89b-12d3-a456-42661417400\uD800"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalEncodingAndTheNoticeDigestAreStrict() {
        assertThatThrownBy(() -> new Canonical("t").add(LONE_HIGH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed UTF-16");
        assertThat(new Canonical("t").add("user-\uD83D\uDE00").bytes())
                .isNotEqualTo(new Canonical("t").add(LOOKALIKE).bytes());
        assertThatThrownBy(() -> Notice.sha256Hex("I agree\uD800"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notice text");
        assertThat(Notice.sha256Hex("I agree?")).hasSize(64);
    }
}
