package dev.consentkit.core.jurisdiction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a receipt time and a legal period into a due time, by a jurisdiction's rules (M12).
 *
 * <p>The rules, for a receipt at instant {@code r} whose date in the jurisdiction's zone is {@code d}:
 * <ul>
 *   <li><b>hours</b>: {@code r} plus that many hours of wall-clock time, weekends and holidays
 *       included;</li>
 *   <li><b>calendar days</b>: the day of receipt is not counted; due at the end of {@code d + n};</li>
 *   <li><b>working days</b>: the day of receipt is not counted, and neither is any day that is not a
 *       working day of the jurisdiction's calendar; due at the end of the {@code n}-th working day
 *       after {@code d} (a request received on a Saturday counts from Monday). A date in a year the
 *       calendar has no table for is answered by the calendar's {@link ProvisionalRule} if it declares
 *       one - the due time is then {@linkplain DueTime#isProvisional() provisional} - and is an
 *       {@link UnknownCalendarYearException} otherwise;</li>
 *   <li><b>months</b>: due at the end of the date the jurisdiction's {@link MonthRule} gives for
 *       {@code d}.</li>
 * </ul>
 * "The end of a day" is its last microsecond in the jurisdiction's zone (stores keep microseconds):
 * a request is overdue once the clock passes it. Each {@link DueTime} names the calendar sources it
 * was counted on.
 *
 * <p>An extension counts from the receipt too when it is in the same unit as the answer period
 * (10 + 5 working days; 1 + 2 months, so received 31 January: due 28 February, at most 30 April),
 * otherwise from the due date.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeadlineCalculator {
    private final Jurisdiction jurisdiction;

    private DeadlineCalculator(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /**
     * @param jurisdiction the profile whose zone, calendar and month rule count
     * @return its calculator
     */
    public static DeadlineCalculator of(Jurisdiction jurisdiction) {
        return new DeadlineCalculator(Objects.requireNonNull(jurisdiction, "jurisdiction"));
    }

    /** @return the profile */
    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @return when the answer is due
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public Instant due(RequestType type, Instant receivedAt) {
        return dueTime(type, receivedAt).at();
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @return when the answer is due, with the calendar sources it was counted on
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public DueTime dueTime(RequestType type, Instant receivedAt) {
        Objects.requireNonNull(type, "type");
        return dueTime(receivedAt, jurisdiction.deadline(type).answerWithin());
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @return the latest due time a reasoned extension may set, or empty if the type has none here
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public Optional<Instant> latestExtendedDue(RequestType type, Instant receivedAt) {
        return latestExtendedDueTime(type, receivedAt).map(DueTime::at);
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @return the latest due time a reasoned extension may set, with its calendar sources, or empty
     *         if the type has no extension here
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public Optional<DueTime> latestExtendedDueTime(RequestType type, Instant receivedAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        RequestDeadline deadline = jurisdiction.deadline(type);
        return deadline.extension().map(e -> extendedDueTime(deadline.answerWithin(), receivedAt, e));
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @param by how far to extend; in the unit of the jurisdiction's extension and at most as long
     * @return the extended due time
     * @throws InvalidExtensionException if the type has no extension here, or {@code by} is in
     *                                   another unit or longer than the law allows
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public Instant extendedDue(RequestType type, Instant receivedAt, LegalPeriod by) {
        return extendedDueTime(type, receivedAt, by).at();
    }

    /**
     * @param type a request type
     * @param receivedAt when the request was received
     * @param by how far to extend; in the unit of the jurisdiction's extension and at most as long
     * @return the extended due time, with the calendar sources it was counted on
     * @throws InvalidExtensionException if the type has no extension here, or {@code by} is in
     *                                   another unit or longer than the law allows
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public DueTime extendedDueTime(RequestType type, Instant receivedAt, LegalPeriod by) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(by, "by");
        RequestDeadline deadline = jurisdiction.deadline(type);
        LegalPeriod most = deadline.extension().orElseThrow(() -> new InvalidExtensionException(type
                + " requests have no extension under " + jurisdiction.id() + " (" + deadline.source() + ")"));
        if (by.unit() != most.unit()) {
            throw new InvalidExtensionException("an extension of a " + type + " request under " + jurisdiction.id()
                    + " counts in " + most.unit() + ", not " + by.unit());
        }
        if (by.amount() > most.amount()) {
            throw new InvalidExtensionException("an extension of " + by + " is past the legal maximum of " + most
                    + " (" + deadline.source() + ")");
        }
        return extendedDueTime(deadline.answerWithin(), receivedAt, by);
    }

    private DueTime extendedDueTime(LegalPeriod answer, Instant receivedAt, LegalPeriod by) {
        if (by.unit() == answer.unit() && by.unit() != LegalPeriod.Unit.HOURS) {
            return dueTime(receivedAt, new LegalPeriod(answer.amount() + by.amount(), by.unit()));
        }
        DueTime first = dueTime(receivedAt, answer);
        DueTime then = dueTime(first.at(), by);
        List<CalendarSource> basis = new ArrayList<>(first.basis());
        basis.addAll(then.basis());
        return new DueTime(then.at(), basis);
    }

    /**
     * @param from when the period starts (a receipt, a withdrawal)
     * @param period the period
     * @return the end of the period, by the rules above
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public Instant due(Instant from, LegalPeriod period) {
        return dueTime(from, period).at();
    }

    /**
     * @param from when the period starts (a receipt, a withdrawal)
     * @param period the period
     * @return the end of the period, by the rules above, with the calendar sources it was counted on
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public DueTime dueTime(Instant from, LegalPeriod period) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(period, "period");
        if (period.unit() == LegalPeriod.Unit.HOURS) {
            return new DueTime(from.plus(Duration.ofHours(period.amount())), List.of());
        }
        List<CalendarSource> basis = new ArrayList<>();
        LocalDate last = dueDate(from.atZone(jurisdiction.zone()).toLocalDate(), period, basis::add);
        return new DueTime(endOf(last), basis);
    }

    /**
     * @param start the date the period starts on (not counted)
     * @param period a period in calendar days, working days or months
     * @return its last day
     * @throws IllegalArgumentException for a period in hours
     * @throws UnknownCalendarYearException if working days reach a year the calendar cannot answer
     */
    public LocalDate dueDate(LocalDate start, LegalPeriod period) {
        return dueDate(start, period, s -> { });
    }

    private LocalDate dueDate(LocalDate start, LegalPeriod period, Consumer<CalendarSource> consulted) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        return switch (period.unit()) {
            case HOURS -> throw new IllegalArgumentException("a period in hours has no due date, only a due time");
            case CALENDAR_DAYS -> start.plusDays(period.amount());
            case MONTHS -> jurisdiction.monthRule().dueDate(start, period.amount(), consulted);
            case WORKING_DAYS -> {
                WorkingDayCalendar calendar = jurisdiction.calendar().orElseThrow(() -> new IllegalStateException(
                        "jurisdiction " + jurisdiction.id() + " has no working-day calendar"));
                LocalDate day = start;
                int counted = 0;
                while (counted < period.amount()) {
                    day = day.plusDays(1);
                    CalendarDay answer = calendar.day(day);
                    answer.source().ifPresent(consulted);
                    if (answer.working()) {
                        counted++;
                    }
                }
                yield day;
            }
        };
    }

    /**
     * @param date a date
     * @return the last microsecond of it in the jurisdiction's zone
     */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(jurisdiction.zone()).toInstant().minus(1, ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "DeadlineCalculator[" + jurisdiction.id() + ", " + jurisdiction.zone() + "]";
    }
}
