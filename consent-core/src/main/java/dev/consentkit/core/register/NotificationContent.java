package dev.consentkit.core.register;

import java.util.ArrayList;
import java.util.List;

/**
 * What a notification for a clock must contain, chosen by the clock's name. Not API.
 *
 * <ul>
 *   <li>{@code initial-notice} (152-FZ Art. 21 part 3.1(1), 24 hours): the incident, presumed causes,
 *       presumed harm, measures taken, the contact person, and the numbers affected (needed for the
 *       fine tier);
 *   <li>{@code investigation-results} (152-FZ Art. 21 part 3.1(2), 72 hours): the results of the
 *       internal investigation;
 *   <li>every other clock, {@code authority-notice} of GDPR Art. 33(3) included: the nature with the
 *       categories and approximate numbers of subjects and records, the contact point, the likely
 *       consequences and the measures taken.
 * </ul>
 */
final class NotificationContent {
    private NotificationContent() {
    }

    /** @return the names of the missing fields, empty if the details suffice */
    static List<String> missing(String clock, BreachDetails d) {
        List<String> missing = new ArrayList<>();
        switch (clock) {
            case "investigation-results" -> {
                if (d.investigationResults().isEmpty()) {
                    missing.add("investigationResults");
                }
            }
            case "initial-notice" -> {
                if (d.presumedCauses().isEmpty()) {
                    missing.add("presumedCauses");
                }
                common(d, missing);
            }
            default -> {
                if (d.categories().isEmpty()) {
                    missing.add("categories");
                }
                common(d, missing);
            }
        }
        return missing;
    }

    private static void common(BreachDetails d, List<String> missing) {
        if (d.approxSubjects().isEmpty()) {
            missing.add("approxSubjects");
        }
        if (d.approxRecords().isEmpty()) {
            missing.add("approxRecords");
        }
        if (d.likelyConsequences().isEmpty()) {
            missing.add("likelyConsequences");
        }
        if (d.measuresTaken().isEmpty()) {
            missing.add("measuresTaken");
        }
        if (d.contactPoint().isEmpty()) {
            missing.add("contactPoint");
        }
    }
}
