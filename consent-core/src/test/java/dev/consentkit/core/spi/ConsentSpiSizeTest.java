package dev.consentkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: an adapter that stores consent only implements at most six interfaces and thirty
 * methods; the count is taken from the compiled interfaces, so a method or an interface added to the
 * consent SPI fails here until the target is revisited (docs/design.md, "Storage SPI").
 */
class ConsentSpiSizeTest {
    /** What a consent-only adapter implements: the interfaces of {@code core.spi} itself. */
    private static final List<Class<?>> CONSENT_PORTS = List.of(ConsentStorage.class, StorageTransaction.class,
            LedgerStore.class, ProjectionStore.class, SuppressionStore.class, AuditStore.class);

    private static List<Method> instanceMethods(Class<?> port) {
        return Arrays.stream(port.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()).toList();
    }

    @Test
    void theConsentSpiIsSixInterfacesAndEveryOtherInterfaceOfThePackageIsNone() {
        Set<String> interfaces = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.consentkit.core.spi").stream()
                .filter(c -> c.getPackageName().equals("dev.consentkit.core.spi"))
                .filter(JavaClass::isInterface)
                .filter(c -> !c.isNestedClass() && !c.getSimpleName().equals("package-info"))
                // a sealed mark the store saves and returns, not a port it implements
                .filter(c -> !c.isEquivalentTo(AuditMark.class))
                .map(JavaClass::getSimpleName).collect(Collectors.toSet());

        assertThat(CONSENT_PORTS).hasSizeLessThanOrEqualTo(6);
        assertThat(interfaces).as("the interfaces of core.spi are the consent ports")
                .isEqualTo(CONSENT_PORTS.stream().map(Class::getSimpleName).collect(Collectors.toSet()));
    }

    @Test
    void aConsentOnlyAdapterImplementsAtMost30MethodsAndTheDefaultsAreTheKnownOnes() {
        List<Method> all = CONSENT_PORTS.stream().flatMap(p -> instanceMethods(p).stream()).toList();
        List<String> mustImplement = all.stream().filter(m -> !m.isDefault())
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).sorted().toList();
        Set<String> defaults = all.stream().filter(Method::isDefault)
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).collect(Collectors.toSet());

        assertThat(mustImplement).as("abstract methods of the consent SPI").hasSizeLessThanOrEqualTo(30);
        assertThat(defaults).as("default methods (an adapter may leave them)").containsExactlyInAnyOrder(
                "ConsentStorage.inOwnTransaction", "StorageTransaction.ownsTransaction", "StorageTransaction.port",
                // batch writes of read audits: a store may do them in fewer statements, none has to
                "AuditStore.addAll", "AuditStore.reserveIds", "AuditStore.appendLinked");
    }

    @Test
    void theConsentPortsNameNoFeatureType() {
        for (Class<?> port : CONSENT_PORTS) {
            for (Method m : instanceMethods(port)) {
                Set<String> packages = Arrays.stream(m.getGenericParameterTypes()).map(Object::toString)
                        .collect(Collectors.toSet());
                packages.add(m.getGenericReturnType().toString());
                assertThat(packages).as(m.toString()).noneMatch(t -> t.matches(
                        ".*dev\\.consentkit\\.core\\.(rights|retention|hold|register|monitor|compliance|transparency)\\..*"));
            }
        }
    }
}
