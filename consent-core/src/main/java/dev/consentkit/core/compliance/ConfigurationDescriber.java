package dev.consentkit.core.compliance;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.spi.protection.FieldProtector;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a kit's effective settings into a {@link KitConfiguration}. */
final class ConfigurationDescriber {
    /** A subject id no host uses: it only asks the kit what an empty ledger gives. */
    private static final SubjectId NOBODY = SubjectId.of("consentkit-configuration-probe");

    private ConfigurationDescriber() {
    }

    static KitConfiguration describe(ConsentKit kit, Duration keyRotationPeriod, List<ComplianceCheck> checks) {
        KitContext context = KitContext.of(kit);
        Jurisdiction j = context.jurisdiction();
        List<String> deadlines = j.requests().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue().answerWithin()
                        + e.getValue().extension().map(x -> ", extendable by " + x + " with a reasoned notice").orElse("")
                        + " (" + e.getValue().source() + ")")
                .toList();
        List<String> clocks = j.breachClocks().stream()
                .map(c -> c.name() + ": " + c.within() + " (" + c.source() + ")").toList();
        List<KitConfiguration.PurposeSetting> purposes = kit.catalog().purposes().stream()
                .map(p -> new KitConfiguration.PurposeSetting(p.id(), p.basis(),
                        withoutRecord(kit, p), p.retention().map(ConfigurationDescriber::retention).orElse("none"),
                        p.reconfirmEvery().map(Object::toString)))
                .toList();
        Set<CategoryId> encrypted = context.protector().map(FieldProtector::describe).map(pp -> pp.fields().stream().map(f -> f.category())
                .collect(Collectors.toSet())).orElse(Set.of());
        boolean policy = context.accessPolicy().isPresent();
        List<KitConfiguration.CategorySetting> categories = kit.catalog().categories().stream()
                .sorted(Comparator.comparing(DataCategory::id))
                .map(c -> new KitConfiguration.CategorySetting(c.id(), c.sensitive(), encrypted.contains(c.id()),
                        policy && c.sensitive()))
                .toList();
        return new KitConfiguration(j.id(), deadlines, clocks, context.clockTolerance(), purposes, categories, policy,
                context.protector().map(FieldProtector::describe).map(ProtectionProfile::suite), context.feature(AccessMonitoring.class).flatMap(AccessMonitoring::policy), keyRotationPeriod,
                checks.stream().map(ComplianceCheck::id).toList());
    }

    private static String withoutRecord(ConsentKit kit, Purpose p) {
        Decision d = kit.check(ConsentScope.of(NOBODY, p.id()));
        return d instanceof Decision.Denied denied ? "DENIED: " + denied.reason() : "PERMITTED";
    }

    private static String retention(RetentionDeclaration r) {
        return r.period() + " " + r.trigger() + r.businessEvent().map(e -> " " + e).orElse("");
    }
}
