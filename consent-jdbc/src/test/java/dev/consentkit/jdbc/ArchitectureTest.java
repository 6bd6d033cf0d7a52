package dev.consentkit.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.consentkit.core.architecture.PackageSlices;
import dev.consentkit.jdbc.internal.JdbcUnit;
import dev.consentkit.jdbc.spi.Dialect;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2 for consent-jdbc: its packages import each other without a cycle (each package a slice
 * of its own, consent-core's too): the storage imports its internals and the host's plug-ins
 * ({@code jdbc.spi}), the internals import the plug-ins, and the plug-ins import neither.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = PackageSlices.mainClasses();

    @Test
    void noPackageCycle() {
        PackageSlices.checkNoCycle(CLASSES);
    }

    @Test
    void theHostPlugInsImportNothingAboveThem() {
        noClasses().that().resideInAPackage("dev.consentkit.jdbc.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.consentkit.jdbc", "dev.consentkit.jdbc.internal..")
                .because("a host implements Dialect and ConnectionSource without the storage's internals")
                .check(CLASSES);
    }

    /** Without this the rules above could pass on an import that found nothing of this module. */
    @Test
    void theImportSeesEveryPackageOfThisModule() {
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(JdbcStorage.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.jdbc"));
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(JdbcUnit.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.jdbc.internal"));
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(Dialect.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.jdbc.spi"));
    }
}
