package dev.consentkit.core.compliance;

import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.purpose.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every consent purpose must have a current notice in every language it was ever shown in. The
 * catalogue already refuses a consent purpose without a notice, or whose current version lacks the
 * default language; what remains is a language dropped by a later version: subjects asked in it
 * cannot be shown the current text, so their consent can be neither informed nor renewed.
 */
final class NoticeCurrentCheck implements ComplianceCheck {
    static final String ID = "notice.current";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        List<Finding> found = new ArrayList<>();
        for (Purpose p : context.kit().catalog().purposes()) {
            if (!p.needsConsent()) {
                continue;
            }
            Optional<Notice> notice = p.notice().flatMap(context.kit().catalog()::notice);
            if (notice.isEmpty()) {
                found.add(new Finding(ID, List.of("R-GDPR-7", "M5"), Severity.HIGH, "purpose " + p.id(),
                        "Consent purpose " + p.id() + " has no notice: consent to it cannot be informed.",
                        "Declare a notice for the purpose in the catalogue."));
                continue;
            }
            NoticeVersion current = notice.get().current();
            Set<Locale> now = notice.get().text(current).orElseThrow().locales();
            Set<String> dropped = new TreeSet<>();
            for (NoticeVersion v : notice.get().versions()) {
                for (Locale l : notice.get().text(v).orElseThrow().locales()) {
                    if (!now.contains(l)) {
                        dropped.add(l.toLanguageTag());
                    }
                }
            }
            if (!dropped.isEmpty()) {
                found.add(new Finding(ID, List.of("R-GDPR-7", "R-RU-2", "M5"), Severity.MEDIUM,
                        "notice " + notice.get().id() + " of purpose " + p.id(),
                        "The current version " + current + " of notice " + notice.get().id() + " has no text in "
                                + String.join(", ", dropped) + ", which earlier versions had: subjects asked in "
                                + (dropped.size() == 1 ? "that language" : "those languages")
                                + " cannot be shown the current notice.",
                        "Publish a version of the notice with text in " + String.join(", ", dropped) + "."));
            }
        }
        return found;
    }
}
