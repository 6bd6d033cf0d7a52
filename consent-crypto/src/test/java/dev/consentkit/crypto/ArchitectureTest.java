package dev.consentkit.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.consentkit.core.architecture.PackageSlices;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.spec.Suite;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2 for consent-crypto: its packages import each other without a cycle (each package a
 * slice of its own, consent-core's packages too): the API imports the primitives ({@code internal}) and
 * the format ({@code spec}), the primitives import the format, and the format imports neither.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = PackageSlices.mainClasses();

    @Test
    void noPackageCycle() {
        PackageSlices.checkNoCycle(CLASSES);
    }

    @Test
    void theInternalPackageDoesNotImportTheApi() {
        noClasses().that().resideInAPackage("dev.consentkit.crypto.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.consentkit.crypto")
                .because("the primitives sit below the API that uses them").check(CLASSES);
    }

    @Test
    void theFormatPackageImportsNeitherTheApiNorThePrimitives() {
        noClasses().that().resideInAPackage("dev.consentkit.crypto.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.consentkit.crypto", "dev.consentkit.crypto.internal..")
                .because("Suite and DecryptionException sit below both").check(CLASSES);
    }

    /** Without this the rules above could pass on an import that found nothing of this module. */
    @Test
    void theImportSeesEveryPackageOfThisModule() {
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(FieldCrypto.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.crypto"));
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(AesGcm.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.crypto.internal"));
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(Suite.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.crypto.spec"));
    }
}
