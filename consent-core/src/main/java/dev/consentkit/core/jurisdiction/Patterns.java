package dev.consentkit.core.jurisdiction;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/** The forms shared by {@link CalendarSource}, {@link CalendarTable} and {@link ProvisionalRule}. */
final class Patterns {
    static final Pattern CALENDAR = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    static final Pattern RULE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9_-]{0,31})/(\\d{4})@(sha256:([0-9a-f]{64})"
            + "|provisional:([a-z][a-z0-9_.-]{0,63}))");
    static final Comparator<CalendarSource> ORDER = Comparator.comparing(CalendarSource::calendar)
            .thenComparingInt(CalendarSource::year).thenComparing(Object::toString);

    private Patterns() {
    }

    static void check(String calendar, int year) {
        Objects.requireNonNull(calendar, "calendar");
        if (!CALENDAR.matcher(calendar).matches()) {
            throw new IllegalArgumentException("a calendar name matches " + CALENDAR.pattern());
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a calendar year has four digits, not " + year);
        }
    }

    static String checkRule(String rule) {
        Objects.requireNonNull(rule, "rule");
        if (!RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("a provisional rule id matches " + RULE.pattern());
        }
        return rule;
    }
}
