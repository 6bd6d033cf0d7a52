package dev.consentkit.core.compliance;

import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Consents given under an earlier major notice version must not still be recorded as valid. */
final class OutdatedNoticeCheck implements ComplianceCheck {
    static final String ID = "consent.outdated_notice";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        List<Finding> found = new ArrayList<>();
        for (Purpose p : context.kit().catalog().purposes()) {
            Optional<Notice> notice = p.notice().flatMap(context.kit().catalog()::notice);
            if (!p.needsConsent() || notice.isEmpty()) {
                continue;
            }
            long n = ConsentStates.countValid(context, p,
                    s -> s.notice().map(r -> !notice.get().isCurrent(r)).orElse(true));
            if (n > 0) {
                found.add(new Finding(ID, List.of("R-GDPR-10", "M7"), Severity.HIGH, "purpose " + p.id(),
                        n + (n == 1 ? " consent" : " consents") + " to purpose " + p.id()
                                + (n == 1 ? " rests" : " rest") + " on a notice version before the current major "
                                + "version " + notice.get().current() + " and " + (n == 1 ? "is" : "are")
                                + " still recorded as valid: checks deny them, but the ledger does not "
                                + "say so and nobody has been asked again.",
                        "Run kit.invalidateOutdated() to record them as invalidated, then ask these subjects "
                                + "to consent to the current notice (a re-consent campaign)."));
            }
        }
        return found;
    }
}
