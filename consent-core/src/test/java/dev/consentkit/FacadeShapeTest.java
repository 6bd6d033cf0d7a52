package dev.consentkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.ProcessingRegister;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.transparency.Transparency;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: {@link ConsentKit} is the consent facade and no service locator; each feature is built
 * from a kit in exactly one way; nothing public writes the ledger or the audit around the kit's rules.
 */
class FacadeShapeTest {
    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                // toString, equals, hashCode are Object's, not the facade's
                .filter(m -> !Set.of("toString", "equals", "hashCode").contains(m.getName()))
                .toList();
    }

    @Test
    void theFacadeHasAtMost25PublicMethods() {
        List<Method> methods = publicMethods(ConsentKit.class);

        assertThat(methods).hasSizeLessThanOrEqualTo(25);
        assertThat(methods).extracting(Method::getName).doesNotContain("storage", "audit", "hasher", "clock",
                "protection", "rights", "legalHolds", "complianceReport", "compliance", "monitoring",
                "accessPolicy", "jurisdiction", "configuration", "keyRotationPeriod", "context");
    }

    @Test
    void noPublicMethodOfTheFacadeOrTheAuditTrailHandsOutTheStorageOrTakesAUnitOfWork() {
        for (Class<?> type : List.of(ConsentKit.class, ConsentKit.Builder.class, AuditTrail.class)) {
            for (Method m : publicMethods(type)) {
                assertThat(m.getReturnType()).as(m.toString()).isNotIn(ConsentStorage.class, StorageTransaction.class,
                        KitContext.class);
                assertThat(m.getParameterTypes()).as(m.toString()).doesNotContain(StorageTransaction.class);
            }
        }
        assertThat(Arrays.stream(AuditTrail.class.getConstructors())).as("the kit makes its trail").isEmpty();
    }

    @Test
    void everyFeatureIsBuiltFromAKitInExactlyOneWay() {
        for (Class<?> feature : List.of(AuditTrail.class, LegalHolds.class, SubjectRights.class,
                SubjectDataService.class, RetentionEngine.class, BreachRegister.class, ProcessingRegister.class,
                AccessMonitoring.class, Compliance.class, Transparency.class)) {
            List<String> ways = Stream.concat(Arrays.stream(feature.getDeclaredMethods())
                            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())),
                    Arrays.stream(feature.getConstructors()))
                    .filter(e -> Arrays.asList(e instanceof Method m ? m.getParameterTypes()
                            : ((java.lang.reflect.Constructor<?>) e).getParameterTypes()).contains(ConsentKit.class))
                    .map(Object::toString).toList();
            assertThat(ways).as(feature.getSimpleName()).hasSize(1);
        }
        assertThat(publicMethods(ConsentKit.Builder.class)).extracting(Method::getName).doesNotContain(
                "monitoring", "alertListener", "protection", "keyRotationPeriod", "complianceCheck");
    }
}
