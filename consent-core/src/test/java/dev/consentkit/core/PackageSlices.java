package dev.consentkit.core;

import com.tngtech.archunit.core.domain.JavaClass;
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
}
