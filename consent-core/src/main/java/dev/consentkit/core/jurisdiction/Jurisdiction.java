package dev.consentkit.core.jurisdiction;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A jurisdiction profile as data: the deadline of each request type, the breach notification
 * clocks, the rules it declares (such as a {@link DestructionDeadline}), and how its periods are
 * counted — the zone whose days end a deadline, the working-day calendar and the month rule.
 * {@link #GDPR} and {@link #RU_152FZ} ship; a host may build its own or adjust one with the
 * {@code with...} methods:
 *
 * <pre>{@code
 * Jurisdiction ru = Jurisdiction.RU_152FZ.withZone(ZoneId.of("Asia/Vladivostok"));
 * }</pre>
 *
 * <p>An adjusted profile keeps its {@link #id()} and every rule: code that asks what a profile does
 * reads what it declares ({@link #destruction()}, {@link #deadline}) or compares ids, never whole
 * profiles with {@code equals} (two profiles that differ only in zone or calendar are not equal).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a short id, e.g. {@code "gdpr"}
 * @param requests the deadline of every request type
 * @param breachClocks the breach notification clocks, earliest first
 * @param zone the zone whose calendar days count: a deadline ends at the end of its last day there
 * @param calendar the working days; required when a deadline counts working days
 * @param monthRule how a period in months ends
 * @param complaintRight what a refusal tells the subject about complaining, with its source
 * @param destruction how soon data is destroyed once its purpose is achieved or consent withdrawn, if
 *                    the jurisdiction sets a period
 */
public record Jurisdiction(String id, Map<RequestType, RequestDeadline> requests, List<BreachClock> breachClocks,
                           ZoneId zone, Optional<WorkingDayCalendar> calendar, MonthRule monthRule,
                           String complaintRight, Optional<DestructionDeadline> destruction) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /**
     * The EU General Data Protection Regulation: one month, extendable by two; 72 hours for a
     * breach. Days end in UTC (set the establishment's zone with {@link #withZone}); months by
     * {@link MonthRule#EARLIEST}; no working-day calendar.
     */
    public static final Jurisdiction GDPR = gdpr();

    /**
     * Russian Federal Law 152-FZ as amended by 266-FZ (from 2022-09-01): working-day deadlines from
     * {@link YearlyWorkingDayCalendar#russia()} (provisional for a year without a table), days ending in
     * Europe/Moscow; 24 h + 72 h for a breach; destruction within 30 days of achieving the purpose or
     * of a withdrawal (Art. 21 parts 4-5).
     */
    public static final Jurisdiction RU_152FZ = russia();

    /**
     * Checks that every request type has a deadline and that working days have a calendar.
     *
     * @throws IllegalArgumentException if the id is malformed, a request type lacks a deadline, a
     *                                  deadline counts working days without a calendar, or the
     *                                  complaint text is blank
     */
    public Jurisdiction {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("jurisdiction id must match " + ID.pattern());
        }
        requests = Map.copyOf(requests);
        for (RequestType type : RequestType.values()) {
            if (!requests.containsKey(type)) {
                throw new IllegalArgumentException("jurisdiction " + id + " has no deadline for " + type);
            }
        }
        breachClocks = List.copyOf(breachClocks);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(monthRule, "monthRule");
        Objects.requireNonNull(complaintRight, "complaintRight");
        Objects.requireNonNull(destruction, "destruction");
        if (complaintRight.isBlank()) {
            throw new IllegalArgumentException("jurisdiction " + id + " needs the text of the right to complain");
        }
        if (calendar.isEmpty()) {
            for (RequestDeadline d : requests.values()) {
                if (d.answerWithin().unit() == LegalPeriod.Unit.WORKING_DAYS || d.extension()
                        .map(e -> e.unit() == LegalPeriod.Unit.WORKING_DAYS).orElse(false)) {
                    throw new IllegalArgumentException("jurisdiction " + id
                            + " counts working days: give it a WorkingDayCalendar");
                }
            }
        }
    }

    /**
     * A profile that declares no {@link DestructionDeadline}.
     *
     * @param id a short id
     * @param requests the deadline of every request type
     * @param breachClocks the breach notification clocks
     * @param zone the zone whose calendar days count
     * @param calendar the working days
     * @param monthRule how a period in months ends
     * @param complaintRight what a refusal tells the subject about complaining
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Jurisdiction(String id, Map<RequestType, RequestDeadline> requests, List<BreachClock> breachClocks,
                        ZoneId zone, Optional<WorkingDayCalendar> calendar, MonthRule monthRule, String complaintRight) {
        this(id, requests, breachClocks, zone, calendar, monthRule, complaintRight, Optional.empty());
    }

    /**
     * A profile whose days end in UTC, with no working-day calendar, months by
     * {@link MonthRule#EARLIEST}, a generic complaint text and no {@link DestructionDeadline}.
     *
     * @param id a short id
     * @param requests the deadline of every request type
     * @param breachClocks the breach notification clocks
     */
    public Jurisdiction(String id, Map<RequestType, RequestDeadline> requests, List<BreachClock> breachClocks) {
        this(id, requests, breachClocks, ZoneOffset.UTC, Optional.empty(), MonthRule.EARLIEST,
                "the right to complain to the data protection authority", Optional.empty());
    }

    /**
     * @param type a request type
     * @return its deadline here
     */
    public RequestDeadline deadline(RequestType type) {
        return requests.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * @param zone the zone of the controller's establishment
     * @return this profile with days ending there
     */
    public Jurisdiction withZone(ZoneId zone) {
        return new Jurisdiction(id, requests, breachClocks, zone, calendar, monthRule, complaintRight, destruction);
    }

    /**
     * @param calendar the working days to count, e.g. a calendar with a host-loaded year
     * @return this profile with that calendar
     */
    public Jurisdiction withCalendar(WorkingDayCalendar calendar) {
        return new Jurisdiction(id, requests, breachClocks, zone, Optional.of(Objects.requireNonNull(calendar,
                "calendar")), monthRule, complaintRight, destruction);
    }

    /**
     * @param rule how a period in months ends
     * @return this profile with that rule
     */
    public Jurisdiction withMonthRule(MonthRule rule) {
        return new Jurisdiction(id, requests, breachClocks, zone, calendar, rule, complaintRight, destruction);
    }

    /**
     * @param deadline the destruction period the profile declares, or empty for none
     * @return this profile with that rule
     */
    public Jurisdiction withDestruction(Optional<DestructionDeadline> deadline) {
        return new Jurisdiction(id, requests, breachClocks, zone, calendar, monthRule, complaintRight, deadline);
    }

    private static Jurisdiction gdpr() {
        Map<RequestType, RequestDeadline> m = new EnumMap<>(RequestType.class);
        RequestDeadline month = new RequestDeadline(LegalPeriod.months(1), Optional.of(LegalPeriod.months(2)),
                "GDPR Art. 12(3)");
        for (RequestType type : RequestType.values()) {
            m.put(type, month);
        }
        return new Jurisdiction("gdpr", m, List.of(
                new BreachClock("authority-notice", LegalPeriod.hours(72), "GDPR Art. 33(1)")),
                ZoneOffset.UTC, Optional.empty(), MonthRule.EARLIEST,
                "the right to lodge a complaint with a supervisory authority and to seek a judicial remedy"
                        + " (GDPR Art. 12(4), 77, 79)", Optional.empty());
    }

    private static Jurisdiction russia() {
        Map<RequestType, RequestDeadline> m = new EnumMap<>(RequestType.class);
        // R-RU-10: 10 working days, +5 with a reasoned notice
        RequestDeadline access = new RequestDeadline(LegalPeriod.workingDays(10),
                Optional.of(LegalPeriod.workingDays(5)), "152-FZ Art. 14 part 3, Art. 20 parts 1-2");
        m.put(RequestType.ACCESS, access);
        m.put(RequestType.PORTABILITY, access);
        // R-RU-11: amend within 7 working days of the subject's evidence
        m.put(RequestType.RECTIFICATION, new RequestDeadline(LegalPeriod.workingDays(7), Optional.empty(),
                "152-FZ Art. 20 part 3, Art. 21 part 2"));
        // R-RU-11: destroy unlawfully obtained or unnecessary data within 7 working days
        m.put(RequestType.ERASURE, new RequestDeadline(LegalPeriod.workingDays(7), Optional.empty(),
                "152-FZ Art. 20 part 3"));
        // R-RU-12/13: block from the moment of the request for the check (part 1); cease unlawful
        // processing within 3 working days (part 3) - the blocking itself is kit.restrict(...) at once
        m.put(RequestType.RESTRICTION, new RequestDeadline(LegalPeriod.workingDays(3), Optional.empty(),
                "152-FZ Art. 21 part 1 (block from receipt), part 3 (cease within 3 working days)"));
        // R-RU-16
        m.put(RequestType.OBJECTION, new RequestDeadline(LegalPeriod.workingDays(10),
                Optional.of(LegalPeriod.workingDays(5)), "152-FZ Art. 21 part 5.1"));
        // R-RU-15: 30 (calendar) days from receipt of the withdrawal
        m.put(RequestType.WITHDRAWAL, new RequestDeadline(LegalPeriod.days(30), Optional.empty(),
                "152-FZ Art. 21 part 5"));
        return new Jurisdiction("ru_152fz", m, List.of(
                new BreachClock("initial-notice", LegalPeriod.hours(24), "152-FZ Art. 21 part 3.1(1)",
                        BreachClock.Start.DETECTION),
                new BreachClock("investigation-results", LegalPeriod.hours(72), "152-FZ Art. 21 part 3.1(2)",
                        BreachClock.Start.DETECTION)),
                ZoneId.of("Europe/Moscow"), Optional.of(YearlyWorkingDayCalendar.russia()), MonthRule.EARLIEST,
                "the right to appeal to Roskomnadzor or to a court (152-FZ Art. 17)",
                // R-RU-14, R-RU-15: destroy within 30 days of achieving the purpose or of a withdrawal
                Optional.of(new DestructionDeadline(LegalPeriod.days(30), "152-FZ Art. 21 parts 4-5")));
    }
}
