package dev.consentkit.core.rights;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A jurisdiction profile as data: the deadline of each request type and the breach notification
 * clocks. {@link #GDPR} and {@link #RU_152FZ} ship; a host may build its own.
 *
 * @param id a short id, e.g. {@code "gdpr"}
 * @param requests the deadline of every request type
 * @param breachClocks the breach notification clocks, earliest first
 */
public record Jurisdiction(String id, Map<RequestType, RequestDeadline> requests, List<BreachClock> breachClocks) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** The EU General Data Protection Regulation: one month, extendable by two; 72 hours for a breach. */
    public static final Jurisdiction GDPR = gdpr();

    /** Russian Federal Law 152-FZ as amended by 266-FZ (from 2022-09-01): working-day deadlines; 24 h + 72 h for a breach. */
    public static final Jurisdiction RU_152FZ = russia();

    /** Checks that every request type has a deadline. */
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
    }

    /**
     * @param type a request type
     * @return its deadline here
     */
    public RequestDeadline deadline(RequestType type) {
        return requests.get(Objects.requireNonNull(type, "type"));
    }

    private static Jurisdiction gdpr() {
        Map<RequestType, RequestDeadline> m = new EnumMap<>(RequestType.class);
        RequestDeadline month = new RequestDeadline(LegalPeriod.months(1), Optional.of(LegalPeriod.months(2)),
                "GDPR Art. 12(3)");
        for (RequestType type : RequestType.values()) {
            m.put(type, month);
        }
        return new Jurisdiction("gdpr", m, List.of(
                new BreachClock("authority-notice", LegalPeriod.hours(72), "GDPR Art. 33(1)")));
    }

    private static Jurisdiction russia() {
        Map<RequestType, RequestDeadline> m = new EnumMap<>(RequestType.class);
        RequestDeadline access = new RequestDeadline(LegalPeriod.workingDays(10),
                Optional.of(LegalPeriod.workingDays(5)), "152-FZ Art. 14 part 3, Art. 20 parts 1-2");
        m.put(RequestType.ACCESS, access);
        m.put(RequestType.PORTABILITY, access);
        m.put(RequestType.RECTIFICATION, new RequestDeadline(LegalPeriod.workingDays(7), Optional.empty(),
                "152-FZ Art. 20 part 3, Art. 21 part 2"));
        m.put(RequestType.ERASURE, new RequestDeadline(LegalPeriod.workingDays(7), Optional.empty(),
                "152-FZ Art. 20 part 3"));
        m.put(RequestType.RESTRICTION, new RequestDeadline(LegalPeriod.workingDays(3), Optional.empty(),
                "152-FZ Art. 21 parts 1, 3"));
        m.put(RequestType.OBJECTION, new RequestDeadline(LegalPeriod.workingDays(10),
                Optional.of(LegalPeriod.workingDays(5)), "152-FZ Art. 21 part 5.1"));
        m.put(RequestType.WITHDRAWAL, new RequestDeadline(LegalPeriod.days(30), Optional.empty(),
                "152-FZ Art. 21 part 5"));
        return new Jurisdiction("ru_152fz", m, List.of(
                new BreachClock("initial-notice", LegalPeriod.hours(24), "152-FZ Art. 21 part 3.1(1)",
                        BreachClock.Start.DETECTION),
                new BreachClock("investigation-results", LegalPeriod.hours(72), "152-FZ Art. 21 part 3.1(2)",
                        BreachClock.Start.DETECTION)));
    }
}
