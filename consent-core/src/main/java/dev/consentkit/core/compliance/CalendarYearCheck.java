package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The working-day calendar of the kit's jurisdiction has an official table for the current year,
 * and from 1 December (in the jurisdiction's zone) for the next one: without it, a deadline reaching
 * that year is provisional, or refused by a calendar that declares no provisional rule (R-RU-10).
 */
final class CalendarYearCheck implements ComplianceCheck {
    static final String ID = "calendar.table_missing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Jurisdiction j = KitContext.of(context.kit()).jurisdiction();
        Optional<WorkingDayCalendar> calendar = j.calendar();
        if (calendar.isEmpty()) {
            return List.of();
        }
        LocalDate today = context.now().atZone(j.zone()).toLocalDate();
        List<Finding> found = new ArrayList<>();
        if (!calendar.get().isOfficial(today.getYear())) {
            found.add(finding(j, today.getYear(), Severity.HIGH, "this year"));
        }
        if (today.getMonth() == Month.DECEMBER && !calendar.get().isOfficial(today.getYear() + 1)) {
            found.add(finding(j, today.getYear() + 1, Severity.MEDIUM, "next year"));
        }
        return found;
    }

    private static Finding finding(Jurisdiction j, int year, Severity severity, String which) {
        return new Finding(ID, List.of("R-RU-10", "M12"), severity, "working-day calendar " + year,
                "The working-day calendar of " + j.id() + " has no official table for " + year + " (" + which
                        + "): a deadline that reaches it is counted provisionally and may move when the table"
                        + " comes, or is refused if the calendar declares no provisional rule.",
                "Add the " + year + " table once the Government's decree on moving days off is published "
                        + "(YearlyWorkingDayCalendar.withTable, docs/guide/calendars.md), restart with it and run "
                        + "rights.recomputeProvisionalDeadlines(actor).");
    }
}
