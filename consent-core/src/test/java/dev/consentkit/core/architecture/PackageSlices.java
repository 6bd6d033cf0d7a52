package dev.consentkit.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The slices of the package-cycle rule of every module: each package of ConsentKit is a slice of its
 * own, the root packages {@code dev.consentkit} and {@code dev.consentkit.core} included (the usual
 * {@code matching("dev.consentkit.core.(*)..")} leaves the root out, and it was the hub of the cycle
 * issue 14 removed). Classes of other libraries are in no slice.
 */
public final class PackageSlices {
    /** One slice per ConsentKit package. */
    public static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals("dev.consentkit") || pkg.startsWith("dev.consentkit.")
                    ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every ConsentKit package, the root packages included";
        }
    };

    private PackageSlices() {
    }

    /** @return the compiled main classes of every ConsentKit package on the class path, tests excluded */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.consentkit");
    }

    /**
     * Checks that the packages import each other without a cycle, each its own slice.
     *
     * @param classes the classes of a module and what it imports
     * @throws AssertionError naming the cycles found
     */
    public static void checkNoCycle(JavaClasses classes) {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles()
                .because("issue 14: layers import downward only; the root packages are slices of their own")
                .check(classes);
    }
}
