package dev.consentkit.examples.studio;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.register.BreachDeadline;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachRefusedException;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.register.NotificationStatus;
import dev.consentkit.core.register.ProcessingRegister;
import dev.consentkit.core.register.RegisterProblem;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Consumer;

/**
 * The accountability chapter of the design-studio demo (issue 6): the register of processing as
 * Markdown, then a breach found on a Friday at 18:00 with the GDPR and 152-FZ clocks running through
 * the weekend.
 */
final class RegisterChapter {
    private static final Actor DPO = Actor.operator("dpo");

    private RegisterChapter() {
    }

    /**
     * @param out where to print
     * @param kit the studio's kit
     * @param clock the kit's clock
     * @param advanceClock moves the kit's clock forward (to the next Friday 18:00 UTC, then on)
     */
    static void run(PrintStream out, ConsentKit kit, Clock clock, Consumer<Duration> advanceClock) {
        out.println();
        out.println("16. The register of processing (GDPR Art. 30, 152-FZ Art. 18.1), generated from the declarations");
        ProcessingRegister register = ProcessingRegister.builder(kit)
                .securityMeasure("nightly encrypted backups, restore tested monthly")
                .locale(StudioCatalog.EN)
                .build();
        List<RegisterProblem> problems = register.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("   MISSING " + p));
            return;
        }
        out.println(register.toMarkdown().indent(3).stripTrailing());

        Instant now = clock.instant();
        ZonedDateTime friday = now.atZone(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                .with(LocalTime.of(18, 0));
        if (!friday.toInstant().isAfter(now)) {
            friday = friday.plusWeeks(1);
        }
        advanceClock.accept(Duration.between(now, friday.toInstant()));
        Instant found = friday.toInstant();

        out.println();
        out.println("17. Friday " + found + ": a designer's laptop with the order book is stolen");
        BreachRegister breaches = BreachRegister.of(kit);
        BreachIncident breach = breaches.record(found, found, BreachDetails.builder("Laptop with an export of the order book stolen from a car")
                        .categories(StudioCatalog.CONTACT_DATA, StudioCatalog.ORDER_DATA)
                        .approximately(140, 410)
                        .likelyConsequences("Clients' addresses and phone numbers may be misused for fraud")
                        .measuresTaken("Laptop wiped remotely; passwords of the designer's accounts changed")
                        .presumedCauses("The export was kept unencrypted on the laptop")
                        .contactPoint("Privacy desk, privacy@studio-lumen.example")
                        .risk(BreachRisk.HIGH)
                        .build(),
                List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ), DPO);
        for (BreachDeadline d : breach.deadlines()) {
            out.printf("   %-9s %-22s due %s %s (%s)%n", d.jurisdiction(), d.clock(),
                    d.dueAt().atZone(ZoneOffset.UTC).getDayOfWeek(), d.dueAt(), d.source());
        }
        out.println("   hours run through the weekend and holidays; all times are UTC, so daylight saving changes nothing");

        advanceClock.accept(Duration.ofHours(25));
        out.println("   Saturday 19:00, overdue: " + breaches.overdue().stream()
                .map(s -> s.deadline().jurisdiction() + "/" + s.deadline().clock()).toList());
        Instant sent = found.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(40));
        try {
            breaches.notified(breach.id(), Jurisdiction.RU_152FZ, "initial-notice", sent, "RKN-2026-0042", DPO);
        } catch (BreachRefusedException e) {
            out.println("   initial notice sent 18:40 without a reason: REFUSED " + e.reason());
        }
        breaches.notifiedLate(breach.id(), Jurisdiction.RU_152FZ, "initial-notice", sent, "RKN-2026-0042",
                "the theft was reported by the designer only on Saturday afternoon", DPO);
        advanceClock.accept(Duration.ofHours(39));
        breaches.notified(breach.id(), Jurisdiction.GDPR, "authority-notice", clock.instant(), "DPA-2026-117", DPO);
        out.println("   Monday 10:00, after both notices:");
        for (NotificationStatus s : breaches.status(breach.id())) {
            out.printf("   %-9s %-22s %s%n", s.deadline().jurisdiction(), s.deadline().clock(), s.state());
        }
        var affected = breaches.affectedSubjects(breach.id(), List.of(), DPO);
        out.println("   subjects to tell (GDPR Art. 34): " + affected.subjects().size() + " known to the kit for "
                + affected.purposes() + "; " + affected.basis());
        out.println("   audit chain still verifies: " + AuditTrail.of(kit).verify().isIntact());
    }
}
