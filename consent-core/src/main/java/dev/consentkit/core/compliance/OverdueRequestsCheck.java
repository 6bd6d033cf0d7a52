package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every subject request must be answered by its (possibly extended) due time. */
final class OverdueRequestsCheck implements ComplianceCheck {
    static final String ID = "request.overdue";

    @Override
    public String id() {
        return ID;
    }

    private record Late(int count, Instant oldestDue) {
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Map<RequestType, Late> late = new EnumMap<>(RequestType.class);
        for (SubjectRequest r : SubjectRights.builder(context.kit()).build().overdue()) {
            late.merge(r.type(), new Late(1, r.currentDue()), (a, b) -> new Late(a.count() + b.count(),
                    a.oldestDue().isBefore(b.oldestDue()) ? a.oldestDue() : b.oldestDue()));
        }
        List<Finding> found = new ArrayList<>();
        late.forEach((type, l) -> found.add(new Finding(ID, List.of("R-GDPR-13", "R-RU-10", "M12"), Severity.HIGH,
                type + " requests",
                l.count() + " " + type + (l.count() == 1 ? " request is" : " requests are") + " past due, the "
                        + "earliest due at " + l.oldestDue() + " (" + KitContext.of(context.kit()).jurisdiction().id() + " deadlines).",
                "Answer them now (rights.overdue() lists them) and record each step; where the law allows "
                        + "an extension, record it with its reasons before the due time next time.")));
        return found;
    }
}
