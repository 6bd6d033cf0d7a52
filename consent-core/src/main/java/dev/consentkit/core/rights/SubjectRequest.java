package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.DueTime;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-subject request and its history. The due times are computed once, when the request is
 * received or extended, and stored: a later change of the jurisdiction profile or of its calendar
 * never moves them - except a provisional deadline, which
 * {@link SubjectRights#recomputeProvisionalDeadlines} recomputes once the year's calendar table is
 * loaded.
 *
 * <p>Immutable; {@link #next} gives the request after one more step. {@code toString()} names no
 * subject.
 *
 * @param id the request's id
 * @param subject the subject it is about
 * @param type what is asked for
 * @param jurisdiction the id of the profile whose deadlines apply
 * @param receivedAt when it was received (the deadline counts from here)
 * @param dueAt when the answer is due
 * @param extendedDueAt the due time set by an extension, if any; present exactly when the history has
 *                      an EXTENDED step
 * @param state where it stands: the state of the last step
 * @param history every step, the first being {@link RequestState#RECEIVED} at {@code receivedAt}
 * @param dueBasis the calendar sources the due times were counted on (both {@code dueAt} and
 *                 {@code extendedDueAt}), sorted, without duplicates; empty when no working-day
 *                 calendar was consulted or the request was stored before schema v4
 */
public record SubjectRequest(RequestId id, SubjectId subject, RequestType type, String jurisdiction, Instant receivedAt,
                             Instant dueAt, Optional<Instant> extendedDueAt, RequestState state,
                             List<RequestStep> history, List<CalendarSource> dueBasis) {
    /**
     * @throws IllegalArgumentException if the history does not match the other fields: it must start
     *                                  with RECEIVED at {@code receivedAt}, follow the lifecycle, end
     *                                  in {@code state}, and carry an extended due time exactly when
     *                                  it has an EXTENDED step
     */
    public SubjectRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(extendedDueAt, "extendedDueAt");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
        dueBasis = DueTime.sorted(dueBasis);
        if (history.isEmpty() || history.get(0).state() != RequestState.RECEIVED
                || !history.get(0).at().equals(receivedAt)) {
            throw new IllegalArgumentException("request " + id + ": the history starts with RECEIVED at the receipt");
        }
        if (dueAt.isBefore(receivedAt) || extendedDueAt.filter(e -> e.isBefore(receivedAt)).isPresent()) {
            throw new IllegalArgumentException("request " + id + ": due before it was received");
        }
        boolean extended = false;
        for (int i = 1; i < history.size(); i++) {
            RequestStep step = history.get(i);
            if (!history.get(i - 1).state().canMoveTo(step.state())) {
                throw new IllegalArgumentException("request " + id + ": step " + (i + 1) + " goes from "
                        + history.get(i - 1).state() + " to " + step.state());
            }
            extended |= step.state() == RequestState.EXTENDED;
        }
        if (history.get(history.size() - 1).state() != state) {
            throw new IllegalArgumentException("request " + id + ": its state is the state of its last step");
        }
        if (extended != extendedDueAt.isPresent()) {
            throw new IllegalArgumentException("request " + id + ": an extended due time comes with an EXTENDED step, and only with it");
        }
    }

    /**
     * A request whose due times name no calendar source (counted without a working-day calendar, or
     * stored before schema v4).
     *
     * @param id the request's id
     * @param subject the subject it is about
     * @param type what is asked for
     * @param jurisdiction the id of the profile whose deadlines apply
     * @param receivedAt when it was received
     * @param dueAt when the answer is due
     * @param extendedDueAt the due time set by an extension, if any
     * @param state the state of the last step
     * @param history every step
     * @throws IllegalArgumentException as the canonical constructor
     */
    public SubjectRequest(RequestId id, SubjectId subject, RequestType type, String jurisdiction, Instant receivedAt,
                          Instant dueAt, Optional<Instant> extendedDueAt, RequestState state, List<RequestStep> history) {
        this(id, subject, type, jurisdiction, receivedAt, dueAt, extendedDueAt, state, history, List.of());
    }

    /** @return the due time in force: the extended one if extended, else the original */
    public Instant currentDue() {
        return extendedDueAt.orElse(dueAt);
    }

    /**
     * @return whether a due time was counted on a day a calendar answered provisionally (its year had
     *         no table): it may move, earlier or later, when the table is loaded and
     *         {@link SubjectRights#recomputeProvisionalDeadlines} runs
     */
    public boolean isProvisional() {
        return dueBasis.stream().anyMatch(CalendarSource::isProvisional);
    }

    /** @return whether it still needs an answer */
    public boolean isOpen() {
        return state.isOpen();
    }

    /**
     * Whether answering this request may open its subject's protected values (for an export to the
     * subject): it asks for a copy of the data ({@link RequestType#ACCESS} or
     * {@link RequestType#PORTABILITY}), the requester's identity was verified, and it is not closed
     * ({@link RequestState#IDENTITY_VERIFIED}, {@link RequestState#IN_PROGRESS} or
     * {@link RequestState#EXTENDED}). A completed request opens nothing more.
     *
     * @return whether protected values of {@link #subject()} may be opened for it
     */
    public boolean opensProtectedValues() {
        boolean copy = type == RequestType.ACCESS || type == RequestType.PORTABILITY;
        boolean verifiedAndOpen = switch (state) {
            case IDENTITY_VERIFIED, IN_PROGRESS, EXTENDED -> true;
            case RECEIVED, COMPLETED, REFUSED -> false;
        };
        return copy && verifiedAndOpen;
    }

    /**
     * @param now the current time
     * @return whether it is open and its due time has passed
     */
    public boolean isOverdue(Instant now) {
        return isOpen() && now.isAfter(currentDue());
    }

    /**
     * @param step the next step
     * @return this request after it; an EXTENDED step sets the extended due time, the basis stays
     * @throws IllegalRequestTransitionException if the lifecycle does not allow it
     */
    public SubjectRequest next(RequestStep step) {
        Objects.requireNonNull(step, "step");
        if (!state.canMoveTo(step.state())) {
            throw new IllegalRequestTransitionException(id, state, step.state());
        }
        List<RequestStep> steps = new ArrayList<>(history);
        steps.add(step);
        return new SubjectRequest(id, subject, type, jurisdiction, receivedAt, dueAt,
                step.dueAt().isPresent() ? step.dueAt() : extendedDueAt, step.state(), steps, dueBasis);
    }

    /**
     * @param newDueAt the due time
     * @param newExtendedDueAt the extended due time; present exactly when the request was extended
     * @param basis the calendar sources both were counted on
     * @return this request with those due times and basis, its history unchanged
     * @throws IllegalArgumentException as the canonical constructor
     */
    public SubjectRequest withDeadlines(Instant newDueAt, Optional<Instant> newExtendedDueAt,
                                        Collection<CalendarSource> basis) {
        return new SubjectRequest(id, subject, type, jurisdiction, receivedAt, newDueAt, newExtendedDueAt, state,
                history, List.copyOf(basis));
    }

    /** @return the last step */
    public RequestStep lastStep() {
        return history.get(history.size() - 1);
    }

    /** @return the EXTENDED step, if the request was extended */
    public Optional<RequestStep> extension() {
        return history.stream().filter(s -> s.state() == RequestState.EXTENDED).findFirst();
    }

    @Override
    public String toString() {
        return "SubjectRequest[" + id + ", " + type + ", " + jurisdiction + ", " + state + ", due " + currentDue()
                + (isProvisional() ? " (provisional)" : "") + "]";
    }
}
