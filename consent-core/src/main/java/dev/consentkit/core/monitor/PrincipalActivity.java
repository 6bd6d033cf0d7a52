package dev.consentkit.core.monitor;

import dev.consentkit.core.KeyedHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One principal's recent accesses: the openings inside the sliding window (with the subjects they
 * concerned), the refusals in a row, and when each rule last raised an alert. Not thread-safe; the
 * evaluator guards it.
 */
final class PrincipalActivity {
    /** Openings kept per principal: more than any threshold, so counting stays exact where it matters. */
    static final int MAX_TRACKED = 100_000;
    private final Deque<Access> window = new ArrayDeque<>();
    private final Map<String, Integer> subjects = new HashMap<>();
    private final Map<AlertRule, Instant> lastAlert = new EnumMap<>(AlertRule.class);
    private int denialsInARow;

    private record Access(Instant time, Optional<KeyedHash> subject) {
    }

    /** Records an opening and drops those that left the window; returns the openings now inside it. */
    int opened(Instant time, Optional<KeyedHash> subject, Duration length) {
        denialsInARow = 0;
        window.addLast(new Access(time, subject));
        subject.ifPresent(s -> subjects.merge(s.value(), 1, Integer::sum));
        Instant from = time.minus(length);
        while (!window.isEmpty() && (!window.peekFirst().time().isAfter(from) || window.size() > MAX_TRACKED)) {
            Access gone = window.removeFirst();
            gone.subject().ifPresent(s -> subjects.computeIfPresent(s.value(), (k, n) -> n == 1 ? null : n - 1));
        }
        return window.size();
    }

    int distinctSubjects() {
        return subjects.size();
    }

    /** Counts a refusal; returns the refusals in a row so far. */
    int denied() {
        return ++denialsInARow;
    }

    void resetDenials() {
        denialsInARow = 0;
    }

    /** Whether {@code rule} may alert again at {@code time}: at most once per window per rule. */
    boolean mayAlert(AlertRule rule, Instant time, Duration length) {
        Instant last = lastAlert.get(rule);
        return last == null || !time.isBefore(last.plus(length));
    }

    void alerted(AlertRule rule, Instant time) {
        lastAlert.put(rule, time);
    }

    /** Whether nothing of it matters any more at {@code time}, so it can be forgotten. */
    boolean idle(Instant time, Duration length) {
        Instant from = time.minus(length);
        return denialsInARow == 0 && (window.isEmpty() || !window.peekLast().time().isAfter(from))
                && lastAlert.values().stream().noneMatch(t -> t.isAfter(from));
    }
}
