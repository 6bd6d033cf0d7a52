package dev.consentkit.spring.internal;

import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.rights.SubjectRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every call this module makes into consent-core's feature services, in one place: the architecture
 * work (issue 14) moves them from the facade ({@code kit.audit()}, {@code kit.rights()}) to services
 * built from the kit, and this class is where that move lands. Not API.
 */
public final class Kits {
    private Kits() {
    }

    /**
     * @param kit the kit
     * @return entries linked into the audit chain
     */
    public static long sequence(ConsentKit kit) {
        return kit.audit().sequence();
    }

    /**
     * @param kit the kit
     * @return the verification of the whole audit chain
     */
    public static AuditVerification verifyAudit(ConsentKit kit) {
        return kit.audit().verify();
    }

    /**
     * @param kit the kit
     * @return the incremental ledger verification from the last verified point
     */
    public static LedgerVerification verifyLedgerSinceLastPoint(ConsentKit kit) {
        return kit.audit().verifyLedgerSinceLastPoint();
    }

    /**
     * @param kit the kit
     * @param window how far ahead
     * @return open subject requests due within the window
     */
    public static List<SubjectRequest> requestsDueWithin(ConsentKit kit, Duration window) {
        return kit.rights().dueWithin(window);
    }

    /**
     * @param kit the kit
     * @return open subject requests past their deadline
     */
    public static List<SubjectRequest> overdueRequests(ConsentKit kit) {
        return kit.rights().overdue();
    }

    /**
     * @param kit the kit
     * @return the kit's clock
     */
    public static Clock clock(ConsentKit kit) {
        return kit.clock();
    }
}
