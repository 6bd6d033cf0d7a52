package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.purpose.DataCategory;
import java.util.Comparator;
import java.util.List;

/**
 * Opening a sensitive category must need a second factor. An {@code AccessPolicy} always demands one
 * for sensitive categories; without a policy nothing demands it.
 */
final class SensitiveMfaCheck implements ComplianceCheck {
    static final String ID = "category.mfa";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        if (KitContext.of(context.kit()).accessPolicy().isPresent()) {
            return List.of();
        }
        return context.kit().catalog().categories().stream().filter(DataCategory::sensitive)
                .sorted(Comparator.comparing(DataCategory::id))
                .map(c -> new Finding(ID, List.of("R-GDPR-20", "R-RU-22", "M11"), Severity.HIGH, "category " + c.id(),
                        "No access policy is declared, so nothing limits who opens data category " + c.id()
                                + " (sensitive) or makes them verify a second factor first.",
                        "Declare an AccessPolicy (roles to purposes, categories and actions) and give it to the kit "
                                + "(ConsentKit.Builder.accessPolicy), which FieldCrypto checks; it requires MFA for "
                                + "every sensitive category."))
                .toList();
    }
}
