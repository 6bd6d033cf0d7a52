package dev.consentkit.core.jurisdiction;

import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Where a working-day answer came from: one yearly table of a calendar, known by the SHA-256 of its
 * exact text ({@link Table}), or the calendar's provisional rule for a year it has no table for
 * ({@link Provisional}). A deadline keeps the sources it was counted on ({@link DueTime#basis()},
 * {@link dev.consentkit.core.rights.SubjectRequest#dueBasis()}), so it tells which tables it rests on and whether it is
 * provisional.
 *
 * <p>The text form ({@code toString()}) is stable and is what stores and exports keep:
 * {@code ru/2026@sha256:<64 hex digits>} or {@code ru/2027@provisional:ru-labour-code-art112};
 * {@link #parse} reads it back. Sources sort by calendar, year, then text. Immutable.
 */
public sealed interface CalendarSource extends Comparable<CalendarSource>
        permits CalendarSource.Table, CalendarSource.Provisional {
    /** Longest text form: calendar name, year and the longer of the two tails. */
    int MAX_LENGTH = 32 + 1 + 4 + 1 + 12 + 64;

    /** @return the calendar's name, e.g. {@code ru} */
    String calendar();

    /** @return the year answered */
    int year();

    /** @return whether the answer is provisional (no table for the year yet) */
    boolean isProvisional();

    /**
     * @param text a source in its text form
     * @return the source
     * @throws IllegalArgumentException if the text is not a source's text form
     */
    static CalendarSource parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = Patterns.TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a calendar source reads like ru/2026@sha256:<64 hex digits> or"
                    + " ru/2027@provisional:<rule id>, not '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "'");
        }
        int year = Integer.parseInt(m.group(2));
        return m.group(4) != null ? new Table(m.group(1), year, m.group(4)) : new Provisional(m.group(1), year, m.group(5));
    }

    @Override
    default int compareTo(CalendarSource other) {
        return Patterns.ORDER.compare(this, other);
    }

    /**
     * A yearly table, by the SHA-256 of its text as read (the same file always has the same
     * identity; any edit gives a new one).
     *
     * @param calendar the calendar's name
     * @param year the table's year
     * @param sha256 the SHA-256 of the table's bytes, 64 lower-case hex digits
     */
    record Table(String calendar, int year, String sha256) implements CalendarSource {
        /** @throws IllegalArgumentException if a part is malformed */
        public Table {
            Patterns.check(calendar, year);
            Objects.requireNonNull(sha256, "sha256");
            if (!Patterns.SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("a table's SHA-256 is 64 lower-case hex digits");
            }
        }

        @Override
        public boolean isProvisional() {
            return false;
        }

        @Override
        public String toString() {
            return calendar + "/" + year + "@sha256:" + sha256;
        }
    }

    /**
     * A provisional rule's answer for a year without a table.
     *
     * @param calendar the calendar's name
     * @param year the year answered
     * @param rule the rule's {@linkplain ProvisionalRule#id() id}
     */
    record Provisional(String calendar, int year, String rule) implements CalendarSource {
        /** @throws IllegalArgumentException if a part is malformed */
        public Provisional {
            Patterns.check(calendar, year);
            Patterns.checkRule(rule);
        }

        @Override
        public boolean isProvisional() {
            return true;
        }

        @Override
        public String toString() {
            return calendar + "/" + year + "@provisional:" + rule;
        }
    }
}
