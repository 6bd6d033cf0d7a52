package dev.consentkit.examples.studio;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.compliance.Finding;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.rights.DeadlineRecomputation;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.examples.HandClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * The demo's chapter on data-subject requests: the studio's Moscow office, under 152-FZ, receives a
 * client's access request just before the New Year holidays, extends it with a reasoned notice and
 * answers it; a year later, a request whose deadline reaches 2027 gets a provisional one. Runs on its
 * own tables (prefix {@code msk_}) in the demo's database, with its own clock set by hand.
 */
final class RightsChapter {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", java.util.Locale.ENGLISH);

    private RightsChapter() {
    }

    /**
     * Prints the chapter.
     *
     * @param out where to print
     * @param database the demo's database; the chapter installs its own tables there
     * @param catalog the studio's catalogue
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     */
    static void run(PrintStream out, DataSource database, ProcessingCatalog catalog, HmacKey auditKey,
                    HmacKey pseudonymKey) {
        SchemaInstaller.of(database, "msk_").install();
        HandClock clock = new HandClock(Instant.parse("2025-12-24T09:00:00Z"));
        ConsentKit kit = ConsentKit.builder().catalog(catalog).storage(JdbcStorage.builder(database).tablePrefix("msk_").build())
                .clock(clock).auditKey(auditKey).pseudonymKey(pseudonymKey).jurisdiction(Jurisdiction.RU_152FZ).build();
        SubjectId client = SubjectId.of("client-2001");
        kit.consent(client, StudioCatalog.NEWSLETTER).locale(StudioCatalog.RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3").build()).give();
        Actor desk = Actor.operator("desk-olga");
        SubjectRights rights = SubjectRights.builder(kit).build();

        step(out, "22. Moscow office, 152-FZ: a client asks what the studio holds about her (Art. 14)");
        SubjectRequest r = rights.receive(client, RequestType.ACCESS, desk);
        out.println("   received " + moscow(r.receivedAt()) + " (Moscow), request " + r.id());
        out.println("   due      " + moscow(r.dueAt()) + " = end of the 10th working day ("
                + Jurisdiction.RU_152FZ.deadline(RequestType.ACCESS).source() + ")");
        YearlyWorkingDayCalendar calendar = YearlyWorkingDayCalendar.russia();
        LocalDate received = r.receivedAt().atZone(MOSCOW).toLocalDate();
        LocalDate due = r.dueAt().atZone(MOSCOW).toLocalDate();
        int weekendDays = 0;
        for (LocalDate d = received.plusDays(1); d.isBefore(due); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                var note = calendar.note(d);
                if (note.isPresent()) {
                    out.println("     not counted: " + d.format(DAY) + " - " + note.get());
                } else {
                    weekendDays++;
                }
            }
        }
        out.println("     not counted: " + weekendDays + " ordinary weekend days");
        out.println("   due within 7 days? " + rights.dueWithin(Duration.ofDays(7)).size() + " request(s)");

        step(out, "23. Identity checked, work started; the export of 14 projects needs more time");
        rights.verifyIdentity(r.id(), desk);
        clock.set(Instant.parse("2026-01-13T08:00:00Z"));
        rights.start(r.id(), desk);
        out.println("   " + moscow(clock.instant()) + ": due within 7 days -> "
                + rights.dueWithin(Duration.ofDays(7)).stream().map(SubjectRequest::id).toList());
        try {
            rights.extend(r.id(), LegalPeriod.workingDays(6), "export of 14 projects", desk);
        } catch (InvalidExtensionException e) {
            out.println("   extend by 6 working days -> REFUSED: " + e.getMessage());
        }
        try {
            rights.extend(r.id(), LegalPeriod.workingDays(5), " ", desk);
        } catch (InvalidExtensionException e) {
            out.println("   extend without a reason   -> REFUSED: " + e.getMessage());
        }
        SubjectRequest extended = rights.extend(r.id(), LegalPeriod.workingDays(5),
                "The export covers 14 projects with photos; checking them takes five more working days", desk);
        out.println("   extended by 5 working days with a reasoned notice: due " + moscow(extended.currentDue())
                + " (original due " + moscow(extended.dueAt()) + " kept)");

        step(out, "24. The answer goes out; the request is closed");
        clock.set(Instant.parse("2026-01-22T12:00:00Z"));
        SubjectRequest done = rights.complete(r.id(), "Access report and export sent by registered e-mail", desk);
        for (RequestStep s : done.history()) {
            out.printf("   %-17s %s by %s%s%n", s.state(), moscow(s.at()), s.actor(),
                    s.dueAt().map(d -> ", new due " + moscow(d)).orElse(""));
        }
        out.println("   overdue requests: " + rights.overdue().size());
        out.println("   audit (no notes, no client id - only her keyed reference and the request id):");
        for (AuditRecord rec : AuditTrail.of(kit).records(1, 10_000)) {
            if (rec.event().reference().filter(ref -> ref.equals(r.id().toString())).isPresent()) {
                out.printf("   #%d %-26s subject=%s... ref=%s%n", rec.sequence(), rec.event().action(),
                        rec.event().subjectRef().map(h -> h.value().substring(0, 10)).orElse("-"),
                        rec.event().reference().orElse("-"));
            }
        }
        out.println("   audit chain verifies: " + AuditTrail.of(kit).verify().isIntact());

        step(out, "25. The same client writes on Sunday 20 December 2026, before the 2027 calendar is published");
        clock.set(Instant.parse("2026-12-20T09:00:00Z"));
        SubjectRequest late = rights.receive(client, RequestType.ACCESS, desk);
        out.println("   due      " + moscow(late.dueAt()) + (late.isProvisional() ? " - PROVISIONAL" : ""));
        for (CalendarSource source : late.dueBasis()) {
            out.println("     counted on " + (source instanceof CalendarSource.Table t
                    ? t.calendar() + "/" + t.year() + " table, sha256 " + t.sha256().substring(0, 12) + "..."
                    : source + " (Labour Code Art. 112; the decree's January moves not known yet)"));
        }
        for (Finding f : Compliance.builder(kit).build().report().findings()) {
            if (f.check().equals("request.provisional_deadline") || f.check().equals("calendar.table_missing")) {
                out.printf("   compliance %-6s %-28s %s%n", f.severity(), f.check(), f.target());
            }
        }
        DeadlineRecomputation again = rights.recomputeProvisionalDeadlines(Actor.system("calendar-update"));
        out.println("   recomputed with the tables loaded now: " + again.changed().size() + " changed, "
                + again.unchanged() + " still provisional - add ru-2027 with withTable(...) once the decree is out,"
                + " then recompute");
    }

    private static String moscow(Instant t) {
        return t.atZone(MOSCOW).format(TIME);
    }

    private static void step(PrintStream out, String title) {
        out.println();
        out.println(title);
    }
}
