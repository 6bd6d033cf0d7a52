package dev.consentkit.spring.internal;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.SubjectRights;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every call this module makes into consent-core's feature services, in one place: the architecture
 * work (issue 14) moved them from the facade ({@code kit.audit()}, {@code kit.rights()}) to services
 * built from the kit ({@code AuditTrail.of(kit)}, {@code SubjectRights.builder(kit)}); the clock comes from
 * the kit's context. Not API.
 */
public final class Kits {
    private Kits() {
    }

    /**
     * @param kit the kit
     * @return entries linked into the audit chain
     */
    public static long sequence(ConsentKit kit) {
        return AuditTrail.of(kit).sequence();
    }

    /**
     * @param kit the kit
     * @return the verification of the whole audit chain
     */
    public static AuditVerification verifyAudit(ConsentKit kit) {
        return AuditTrail.of(kit).verify();
    }

    /**
     * @param kit the kit
     * @return the incremental ledger verification from the last verified point
     */
    public static LedgerVerification verifyLedgerSinceLastPoint(ConsentKit kit) {
        return AuditTrail.of(kit).verifyLedgerSinceLastPoint();
    }

    /**
     * @param kit the kit
     * @param window how far ahead
     * @return open subject requests due within the window
     */
    public static List<SubjectRequest> requestsDueWithin(ConsentKit kit, Duration window) {
        return SubjectRights.builder(kit).build().dueWithin(window);
    }

    /**
     * @param kit the kit
     * @return open subject requests past their deadline
     */
    public static List<SubjectRequest> overdueRequests(ConsentKit kit) {
        return SubjectRights.builder(kit).build().overdue();
    }

    /**
     * @param kit the kit
     * @return the kit's clock
     */
    public static Clock clock(ConsentKit kit) {
        return KitContext.of(kit).clock();
    }
}
