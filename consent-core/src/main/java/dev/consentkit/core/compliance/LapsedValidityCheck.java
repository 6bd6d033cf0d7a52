package dev.consentkit.core.compliance;

import dev.consentkit.core.purpose.Purpose;
import java.util.ArrayList;
import java.util.List;

/** Consents whose validity period ran out without re-confirmation must not still be recorded as valid. */
final class LapsedValidityCheck implements ComplianceCheck {
    static final String ID = "consent.validity_lapsed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        List<Finding> found = new ArrayList<>();
        for (Purpose p : context.kit().catalog().purposes()) {
            if (!p.needsConsent() || p.reconfirmEvery().isEmpty()) {
                continue;
            }
            long n = ConsentStates.countValid(context, p,
                    s -> s.validUntil().map(until -> !context.now().isBefore(until)).orElse(false));
            if (n > 0) {
                found.add(new Finding(ID, List.of("R-GDPR-10", "M7"), Severity.MEDIUM, "purpose " + p.id(),
                        n + (n == 1 ? " consent" : " consents") + " to purpose " + p.id() + " passed the "
                                + "re-confirmation period of " + p.reconfirmEvery().get() + " without being "
                                + "re-confirmed and " + (n == 1 ? "is" : "are") + " still recorded as given.",
                        "Run kit.expireLapsed() on a schedule to record them as expired, and ask these subjects "
                                + "to re-confirm (consent(...).renew())."));
            }
        }
        return found;
    }
}
