package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The request lifecycle as a table, and the values that hold a request's history together. */
class RequestLifecycleTest {
    private static final Instant T = Instant.parse("2026-03-02T10:15:30.123456Z");
    private static final SubjectId SECRET = SubjectId.of("client-4711");

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "RECEIVED,          IDENTITY_VERIFIED, true",
            "RECEIVED,          REFUSED,           true",
            "RECEIVED,          IN_PROGRESS,       false",
            "RECEIVED,          COMPLETED,         false",
            "RECEIVED,          EXTENDED,          false",
            "IDENTITY_VERIFIED, IN_PROGRESS,       true",
            "IDENTITY_VERIFIED, REFUSED,           true",
            "IDENTITY_VERIFIED, COMPLETED,         false",
            "IN_PROGRESS,       EXTENDED,          true",
            "IN_PROGRESS,       COMPLETED,         true",
            "IN_PROGRESS,       REFUSED,           true",
            "EXTENDED,          COMPLETED,         true",
            "EXTENDED,          REFUSED,           true",
            "EXTENDED,          EXTENDED,          false",
            "COMPLETED,         REFUSED,           false",
            "REFUSED,           COMPLETED,         false",
            "REFUSED,           RECEIVED,          false",
    })
    void theLifecycle(RequestState from, RequestState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void onlyCompletedAndRefusedAreClosed() {
        assertThat(List.of(RequestState.values())).filteredOn(s -> !s.isOpen())
                .containsExactly(RequestState.COMPLETED, RequestState.REFUSED);
        assertThat(RequestState.EXTENDED.auditAction().code()).isEqualTo("request.extended");
    }

    /** Issue 12, finding 3: which requests may open their subject's protected values (M17, M19). */
    @ParameterizedTest(name = "{0} request {1}: opens protected values {2}")
    @CsvSource({
            "ACCESS,        RECEIVED,          false",
            "ACCESS,        IDENTITY_VERIFIED, true",
            "ACCESS,        IN_PROGRESS,       true",
            "ACCESS,        EXTENDED,          true",
            "ACCESS,        COMPLETED,         false",
            "ACCESS,        REFUSED,           false",
            "PORTABILITY,   RECEIVED,          false",
            "PORTABILITY,   IN_PROGRESS,       true",
            "ERASURE,       IDENTITY_VERIFIED, false",
            "ERASURE,       IN_PROGRESS,       false",
            "RECTIFICATION, IN_PROGRESS,       false",
            "RESTRICTION,   IN_PROGRESS,       false",
            "OBJECTION,     IN_PROGRESS,       false",
            "WITHDRAWAL,    IN_PROGRESS,       false",
    })
    void onlyAVerifiedOpenAccessOrPortabilityRequestOpensProtectedValues(RequestType type, RequestState state,
                                                                         boolean opens) {
        List<RequestStep> path = switch (state) {
            case RECEIVED -> List.of(step(RequestState.RECEIVED, T));
            case IDENTITY_VERIFIED -> List.of(step(RequestState.RECEIVED, T), step(RequestState.IDENTITY_VERIFIED, T));
            case IN_PROGRESS -> List.of(step(RequestState.RECEIVED, T), step(RequestState.IDENTITY_VERIFIED, T),
                    step(RequestState.IN_PROGRESS, T));
            case EXTENDED -> List.of(step(RequestState.RECEIVED, T), step(RequestState.IDENTITY_VERIFIED, T),
                    step(RequestState.IN_PROGRESS, T), step(RequestState.EXTENDED, T));
            case COMPLETED -> List.of(step(RequestState.RECEIVED, T), step(RequestState.IDENTITY_VERIFIED, T),
                    step(RequestState.IN_PROGRESS, T), step(RequestState.COMPLETED, T));
            case REFUSED -> List.of(step(RequestState.RECEIVED, T), step(RequestState.REFUSED, T));
        };
        Optional<Instant> extended = state == RequestState.EXTENDED ? Optional.of(T.plusSeconds(86_400)) : Optional.empty();
        SubjectRequest r = new SubjectRequest(RequestId.random(), SECRET, type, "gdpr", T, T.plusSeconds(100), extended,
                state, path);

        assertThat(r.opensProtectedValues()).isEqualTo(opens);
    }

    private static RequestStep step(RequestState s, Instant at) {
        return new RequestStep(s, at, Actor.operator("desk-1"), Optional.empty(),
                s == RequestState.EXTENDED ? Optional.of(at.plusSeconds(86_400)) : Optional.empty());
    }

    private static SubjectRequest received() {
        return new SubjectRequest(new RequestId(java.util.UUID.randomUUID()), SECRET, RequestType.ACCESS, "gdpr", T,
                T.plusSeconds(100), Optional.empty(), RequestState.RECEIVED, List.of(step(RequestState.RECEIVED, T)));
    }

    @Test
    void aRequestIsConsistentWithItsHistory() {
        SubjectRequest r = received();
        RequestId id = r.id();
        List<RequestStep> skipping = List.of(step(RequestState.RECEIVED, T), step(RequestState.COMPLETED, T));
        assertThatThrownBy(() -> new SubjectRequest(id, SECRET, RequestType.ACCESS, "gdpr", T, T, Optional.empty(),
                RequestState.COMPLETED, skipping)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goes from");
        assertThatThrownBy(() -> new SubjectRequest(id, SECRET, RequestType.ACCESS, "gdpr", T, T, Optional.empty(),
                RequestState.IN_PROGRESS, List.of(step(RequestState.RECEIVED, T))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last step");
        assertThatThrownBy(() -> new SubjectRequest(id, SECRET, RequestType.ACCESS, "gdpr", T, T, Optional.of(T),
                RequestState.RECEIVED, List.of(step(RequestState.RECEIVED, T))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extended due");
        assertThatThrownBy(() -> new SubjectRequest(id, SECRET, RequestType.ACCESS, "gdpr", T, T,
                Optional.empty(), RequestState.RECEIVED, List.of(step(RequestState.RECEIVED, T.plusSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with RECEIVED");
        assertThatThrownBy(() -> new SubjectRequest(id, SECRET, RequestType.ACCESS, "gdpr", T, T.minusSeconds(1),
                Optional.empty(), RequestState.RECEIVED, List.of(step(RequestState.RECEIVED, T))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due before");
    }

    @Test
    void nextAppendsAStepOrNamesTheIllegalTransition() {
        SubjectRequest r = received();
        assertThatThrownBy(() -> r.next(step(RequestState.COMPLETED, T)))
                .isInstanceOf(IllegalRequestTransitionException.class)
                .satisfies(e -> {
                    IllegalRequestTransitionException ex = (IllegalRequestTransitionException) e;
                    assertThat(ex.from()).isEqualTo(RequestState.RECEIVED);
                    assertThat(ex.to()).isEqualTo(RequestState.COMPLETED);
                });
        SubjectRequest extended = r.next(step(RequestState.IDENTITY_VERIFIED, T)).next(step(RequestState.IN_PROGRESS, T))
                .next(step(RequestState.EXTENDED, T));
        assertThat(extended.extendedDueAt()).contains(T.plusSeconds(86_400));
        assertThat(extended.currentDue()).isEqualTo(T.plusSeconds(86_400));
        assertThat(extended.isOverdue(T.plusSeconds(101))).isFalse();
        assertThat(extended.isOverdue(T.plusSeconds(86_401))).isTrue();
        assertThat(r.history()).hasSize(1);
    }

    @Test
    void aStepCarriesADueTimeOnlyWhenExtendingAndShortNotes() {
        Actor a = Actor.subject();
        assertThatThrownBy(() -> new RequestStep(RequestState.EXTENDED, T, a, Optional.of("x"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestStep(RequestState.COMPLETED, T, a, Optional.of("x"), Optional.of(T)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestStep(RequestState.COMPLETED, T, a, Optional.of(" "), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestStep(RequestState.COMPLETED, T, a,
                Optional.of("x".repeat(RequestStep.MAX_NOTE + 1)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noSubjectIdAndNoNoteInToString() {
        SubjectRequest r = received().next(new RequestStep(RequestState.REFUSED, T, Actor.subject(),
                Optional.of("secret reason"), Optional.empty()));
        assertThat(r.toString()).doesNotContain(SECRET.value()).contains(r.id().toString());
        assertThat(r.lastStep().toString()).doesNotContain("secret reason");
    }

    @Test
    void requestIdsAreCanonicalUuids() {
        RequestId id = RequestId.random();
        assertThat(RequestId.of(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> RequestId.of("1-2-3-4-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestId.of("not a uuid")).isInstanceOf(IllegalArgumentException.class);
    }
}
