package dev.consentkit.core.compliance;

import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.rights.SubjectRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open subject requests whose deadline is still provisional: counted on a calendar year without a
 * table, so the official table may move it, earlier or later (R-RU-10). One finding per calendar year
 * that lacks its table, listing the requests by id.
 */
final class ProvisionalDeadlinesCheck implements ComplianceCheck {
    static final String ID = "request.provisional_deadline";
    /** Most request ids one finding lists. */
    private static final int LISTED = 20;

    @Override
    public String id() {
        return ID;
    }

    private record Year(String calendar, int year) implements Comparable<Year> {
        @Override
        public int compareTo(Year o) {
            int c = calendar.compareTo(o.calendar);
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Map<Year, List<SubjectRequest>> byYear = new TreeMap<>();
        for (SubjectRequest r : SubjectRights.builder(context.kit()).build().provisional()) {
            for (CalendarSource s : r.dueBasis()) {
                if (s.isProvisional()) {
                    byYear.computeIfAbsent(new Year(s.calendar(), s.year()), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Finding> found = new ArrayList<>();
        byYear.forEach((year, requests) -> {
            Instant earliest = requests.stream().map(SubjectRequest::currentDue).min(Instant::compareTo).orElseThrow();
            List<String> ids = requests.stream().limit(LISTED).map(r -> r.id() + " (" + r.type() + ")").toList();
            found.add(new Finding(ID, List.of("R-RU-10", "M12"), Severity.MEDIUM,
                    "calendar " + year.calendar() + " " + year.year(),
                    requests.size() + (requests.size() == 1 ? " open request has" : " open requests have")
                            + " a provisional deadline: calendar " + year.calendar() + " has no table for "
                            + year.year() + ", so its days were counted by the calendar's provisional rule; the"
                            + " official table may move them, earlier or later. Earliest due at " + earliest + ": "
                            + String.join(", ", ids) + (requests.size() > LISTED ? ", ..." : "")
                            + " (rights.provisional() lists them all).",
                    "Load the " + year.year() + " table into the kit's calendar as soon as the decree is published"
                            + " (docs/guide/calendars.md), then run rights.recomputeProvisionalDeadlines(actor);"
                            + " until then answer by the provisional due time."));
        });
        return found;
    }
}
