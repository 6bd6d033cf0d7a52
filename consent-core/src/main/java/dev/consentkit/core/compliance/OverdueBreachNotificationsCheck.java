package dev.consentkit.core.compliance;

import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.NotificationStatus;
import java.util.ArrayList;
import java.util.List;

/** Every breach notification must be sent by its deadline (GDPR 72 h; 152-FZ 24 h + 72 h). */
final class OverdueBreachNotificationsCheck implements ComplianceCheck {
    static final String ID = "breach.notification_overdue";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        List<Finding> found = new ArrayList<>();
        for (NotificationStatus s : BreachRegister.of(context.kit()).overdue()) {
            found.add(new Finding(ID, List.of("R-GDPR-21", "R-RU-19", "M23"), Severity.HIGH,
                    "breach " + s.breach().value() + ", " + s.deadline().jurisdiction() + " " + s.deadline().clock(),
                    "The " + s.deadline().clock() + " notification of breach " + s.breach().value() + " under "
                            + s.deadline().jurisdiction() + " was due at " + s.deadline().dueAt() + " ("
                            + s.deadline().source() + ") and has not been recorded as sent.",
                    "Notify the authority now, with the reasons for the delay, and record it with "
                            + "BreachRegister.notified(...); if it was sent, record when."));
        }
        return found;
    }
}
