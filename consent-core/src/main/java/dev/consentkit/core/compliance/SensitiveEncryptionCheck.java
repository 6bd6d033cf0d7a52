package dev.consentkit.core.compliance;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every sensitive (special) data category must be held in encrypted fields. */
final class SensitiveEncryptionCheck implements ComplianceCheck {
    static final String ID = "category.encryption";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Set<CategoryId> encrypted = context.protection().map(p -> p.fields().stream()
                .map(f -> f.category()).collect(Collectors.toSet())).orElse(Set.of());
        List<Finding> found = new ArrayList<>();
        context.kit().catalog().categories().stream().filter(DataCategory::sensitive)
                .filter(c -> !encrypted.contains(c.id()))
                .sorted(Comparator.comparing(DataCategory::id))
                .forEach(c -> found.add(new Finding(ID, List.of("R-GDPR-12", "R-RU-6", "M11", "M19"), Severity.HIGH,
                        "category " + c.id(),
                        "Data category " + c.id() + " is sensitive, but "
                                + (context.protection().isEmpty() ? "no field protection is declared"
                                        : "no protected field holds it")
                                + ": its values are stored in plaintext.",
                        "Declare its columns to FieldCrypto (ProtectedField with category " + c.id() + "), "
                                + "built on this kit with FieldCrypto.builder(kit).")));
        return found;
    }
}
