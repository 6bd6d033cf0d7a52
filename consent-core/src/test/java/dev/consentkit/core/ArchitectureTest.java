package dev.consentkit.core;

import dev.consentkit.ConsentKit;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.consentkit.AuditChain;
import dev.consentkit.core.architecture.PackageSlices;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.spi.ConsentStorage;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN §1 and STYLE habit 6, checked on consent-core's compiled classes (tests
 * excluded): the domain is plain Java, Jackson stays in {@code core.json}, core has no JDBC and no
 * Bouncy Castle, and time is injected - the builder's default clock is the only read of the system
 * clock.
 */
class ArchitectureTest {
    private static final String CORE = "dev.consentkit..";
    private static final String[] DOMAIN = {
            "dev.consentkit.core.purpose..", "dev.consentkit.core.consent..", "dev.consentkit.core.audit..",
            "dev.consentkit.core.access..", "dev.consentkit.core.spi..", "dev.consentkit.core.memory.."};
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String[] JDBC_AND_BOUNCY_CASTLE = {"java.sql..", "javax.sql..", "org.bouncycastle.."};

    private static final JavaClasses CLASSES = PackageSlices.mainClasses();

    /** A call that reads the wall clock instead of the injected {@link java.time.Clock}. */
    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "reads the system clock (java.time *.now(), Clock.system*, System.currentTimeMillis)", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
                return (owner.startsWith("java.time.") && name.equals("now") && noArguments)
                        || (owner.equals("java.time.Clock") && name.startsWith("system"))
                        || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
            });

    @Test
    void theImportSeesTheMainClassesAndNoTests() {
        Set<String> names = CLASSES.stream().map(JavaClass::getName).collect(Collectors.toSet());

        assertThat(names).contains(ConsentKit.class.getName(), ProcessingCatalog.class.getName(),
                ConsentProjector.class.getName(), AuditChain.class.getName(), ConsentStorage.class.getName(),
                InMemoryStorage.class.getName());
        assertThat(names).doesNotContain(ArchitectureTest.class.getName(),
                dev.consentkit.testkit.fixtures.MutableClock.class.getName());
    }

    @Test
    void noPackageCycleRootPackagesIncluded() {
        PackageSlices.checkNoCycle(CLASSES);
    }

    /** Without this the rule above could pass because the root packages fell out of the slices. */
    @Test
    void theRootPackagesAreSlicesOfTheirOwn() {
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(ConsentKit.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit"));
        assertThat(PackageSlices.EVERY_PACKAGE.getIdentifierOf(CLASSES.get(SubjectId.class)))
                .isEqualTo(SliceIdentifier.of("dev.consentkit.core"));
    }

    @Test
    void theDomainPackagesUseNoJacksonLoggingJdbcOrBouncyCastle() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON, "org.slf4j..", "java.sql..",
                        "javax.sql..", "org.bouncycastle..")
                .because("DESIGN §1: the domain packages import neither Jackson nor a logger");

        rule.check(CLASSES);
    }

    @Test
    void onlyTheJsonPackageTouchesJackson() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .and().resideOutsideOfPackage("dev.consentkit.core.json..")
                .should().dependOnClassesThat().resideInAPackage(JACKSON)
                .because("DESIGN §1: only dev.consentkit.core.json touches Jackson, with no annotations on "
                        + "domain types");

        rule.check(CLASSES);
    }

    @Test
    void consentCoreUsesNoJdbcAndNoBouncyCastle() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(JDBC_AND_BOUNCY_CASTLE)
                .because("DESIGN §1: JDBC lives in consent-jdbc, Bouncy Castle in consent-crypto");

        rule.check(CLASSES);
    }

    @Test
    void timeIsInjectedTheBuilderDefaultIsTheOnlyReadOfTheSystemClock() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .and(DescribedPredicate.not(HasName.Predicates.name(ConsentKit.Builder.class.getName())))
                .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
                .because("STYLE habit 6: time comes from the injected Clock; ConsentKit.Builder defaults it to "
                        + "Clock.systemUTC()");

        rule.check(CLASSES);
    }

    /** Without this the rule above could pass because the predicate never matches anything. */
    @Test
    void theSystemClockPredicateFindsTheBuilderDefault() {
        Set<String> callers = CLASSES.stream()
                .filter(c -> c.getMethodCallsFromSelf().stream().anyMatch(READS_THE_SYSTEM_CLOCK))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(callers).containsExactly(ConsentKit.Builder.class.getName());
    }
}
