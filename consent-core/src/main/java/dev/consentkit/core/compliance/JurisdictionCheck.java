package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import java.util.List;

/**
 * A controller in Russia runs the kit under 152-FZ. The catalogue's country
 * ({@code ProcessingCatalog.Builder.jurisdiction("RU")}) says where the controller is; the kit's
 * jurisdiction ({@code ConsentKit.Builder.jurisdiction}) says whose deadlines and rules it applies, and
 * defaults to GDPR. A Russian operator left on the default would answer requests in a month instead of
 * 10 working days and keep withdrawn data past the 30 days of 152-FZ (Art. 14, 20, 21; R-RU-10, R-RU-15).
 */
final class JurisdictionCheck implements ComplianceCheck {
    static final String ID = "kit.jurisdiction";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Jurisdiction j = KitContext.of(context.kit()).jurisdiction();
        if (!context.kit().catalog().jurisdiction().equals("RU") || j.id().equals(Jurisdiction.RU_152FZ.id())) {
            return List.of();
        }
        return List.of(new Finding(ID, List.of("R-RU-10", "R-RU-14", "R-RU-15"), Severity.HIGH,
                "kit jurisdiction " + j.id(),
                "The catalogue's controller is in Russia (RU), but the kit applies " + j.id() + ": the request"
                        + " deadlines, destruction periods and written-consent rules of 152-FZ are not applied.",
                "Build the kit with ConsentKit.builder().jurisdiction(Jurisdiction.RU_152FZ) (docs/guide/requests.md);"
                        + " requests already received keep the deadlines they were given."));
    }
}
