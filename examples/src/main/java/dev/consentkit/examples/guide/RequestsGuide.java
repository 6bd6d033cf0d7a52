package dev.consentkit.examples.guide;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.DeadlineRecomputation;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.examples.studio.StudioCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The example of {@code docs/guide/requests.md} and {@code docs/guide/calendars.md}: a 152-FZ access
 * request through its lifecycle, and a request whose deadline reaches a year without a calendar table.
 */
public final class RequestsGuide {
    private RequestsGuide() {
    }

    /** What the example ends with. */
    public record Outcome(SubjectRequest completed, SubjectRequest provisional, DeadlineRecomputation recomputation) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the completed request, the provisional one and the recomputation
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        SubjectId client = SubjectId.of("client-2001");
        ConsentKit kit = kit(auditKey, pseudonymKey, "2026-03-02T09:00:00Z");
        kit.consent(client, StudioCatalog.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        // snippet:lifecycle
        SubjectRights rights = SubjectRights.builder(kit).build(); // the kit's jurisdiction: RU_152FZ
        Actor desk = Actor.operator("desk-1");
        SubjectRequest r = rights.receive(client, RequestType.ACCESS, desk);
        r.dueAt();                                            // stored once: 10 working days, Moscow end of day
        rights.verifyIdentity(r.id(), desk);
        rights.start(r.id(), desk);
        rights.extend(r.id(), LegalPeriod.workingDays(5), "14 projects to export", desk); // reasoned, once
        SubjectRequest done = rights.complete(r.id(), "export sent", desk); // or refuse(id, reason, actor)
        // end:lifecycle

        ConsentKit december = kit(auditKey, pseudonymKey, "2026-12-20T09:00:00Z");
        december.consent(client, StudioCatalog.NEWSLETTER).evidence(december.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .give();
        // snippet:provisional
        SubjectRights later = SubjectRights.builder(december).build();
        SubjectRequest late = later.receive(client, RequestType.ACCESS, Actor.subject());
        late.isProvisional();   // true: counted into 2027 on the provisional rule (no 2027 table yet)
        late.dueBasis();        // the tables (by SHA-256) and the rule it was counted on
        // ... once the official table is loaded (YearlyWorkingDayCalendar.russia().withTable(...)):
        DeadlineRecomputation again = later.recomputeProvisionalDeadlines(Actor.system("calendar-update"));
        // end:provisional
        return new Outcome(done, late, again);
    }

    private static ConsentKit kit(HmacKey auditKey, HmacKey pseudonymKey, String now) {
        return ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .jurisdiction(Jurisdiction.RU_152FZ)
                .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
    }
}
