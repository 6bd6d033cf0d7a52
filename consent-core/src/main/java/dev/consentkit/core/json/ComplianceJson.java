package dev.consentkit.core.json;

import dev.consentkit.core.compliance.Compliance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.compliance.ComplianceReport;
import dev.consentkit.core.compliance.Finding;
import dev.consentkit.core.compliance.KitConfiguration;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.monitor.WorkingHours;
import java.util.Comparator;
import java.util.Objects;

/**
 * Writes a compliance report and a kit's configuration as JSON: pretty-printed, fields in a fixed
 * order, instants and durations as ISO-8601 text, absent values left out - so equal inputs give equal
 * bytes (golden files, diffs between runs).
 *
 * <pre>{@code
 * String json = ComplianceJson.create().writeReport(Compliance.builder(kit).build().report());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ComplianceJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectWriter writer;

    private ComplianceJson() {
        this.writer = JsonFormat.writer();
    }

    /** @return a writer */
    public static ComplianceJson create() {
        return new ComplianceJson();
    }

    /**
     * @param report a report from {@code ConsentKit.complianceReport()}
     * @return its JSON: {@code generatedAt}, {@code clean}, {@code checks}, {@code findings}
     */
    public String writeReport(ComplianceReport report) {
        Objects.requireNonNull(report, "report");
        ObjectNode root = NODES.objectNode();
        root.put("generatedAt", report.generatedAt().toString());
        root.put("clean", report.isClean());
        JsonValues.texts(root, "checks", report.checks());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("check", f.check());
            JsonValues.texts(o, "requirements", f.requirements());
            o.put("severity", f.severity().name());
            o.put("target", f.target());
            o.put("problem", f.problem());
            o.put("fix", f.fix());
        }
        return write(root);
    }

    /**
     * @param configuration a kit's configuration from {@code Compliance.configuration()}
     * @return its JSON
     */
    public String writeConfiguration(KitConfiguration configuration) {
        KitConfiguration c = Objects.requireNonNull(configuration, "configuration");
        ObjectNode root = NODES.objectNode();
        root.put("jurisdiction", c.jurisdiction());
        JsonValues.texts(root, "requestDeadlines", c.requestDeadlines());
        JsonValues.texts(root, "breachClocks", c.breachClocks());
        root.put("clockTolerance", c.clockTolerance().toString());
        ArrayNode purposes = root.putArray("purposes");
        for (KitConfiguration.PurposeSetting p : c.purposes()) {
            ObjectNode o = purposes.addObject();
            o.put("id", p.id().value());
            o.put("basis", p.basis().name());
            o.put("withoutRecord", p.withoutRecord());
            o.put("retention", p.retention());
            JsonValues.optional(o, "reconfirmEvery", p.reconfirmEvery(), s -> s);
        }
        ArrayNode categories = root.putArray("categories");
        for (KitConfiguration.CategorySetting k : c.categories()) {
            ObjectNode o = categories.addObject();
            o.put("id", k.id().value());
            o.put("sensitive", k.sensitive());
            o.put("encrypted", k.encrypted());
            o.put("mfaToOpen", k.mfaToOpen());
        }
        root.put("accessPolicy", c.accessPolicy());
        JsonValues.optional(root, "fieldProtection", c.fieldProtection(), s -> s);
        c.monitoring().ifPresentOrElse(m -> root.set("monitoring", monitoring(m)), () -> root.put("monitoring", "off"));
        root.put("keyRotationPeriod", c.keyRotationPeriod().toString());
        JsonValues.texts(root, "complianceChecks", c.complianceChecks());
        return write(root);
    }

    private static ObjectNode monitoring(MonitoringPolicy m) {
        ObjectNode o = NODES.objectNode();
        o.put("window", m.window().toString());
        o.put("maxOpens", m.maxOpens());
        o.put("maxDistinctSubjects", m.maxDistinctSubjects());
        o.put("maxDenialsInARow", m.maxDenialsInARow());
        if (m.workingHours().isPresent()) {
            WorkingHours h = m.workingHours().get();
            ObjectNode w = o.putObject("workingHours");
            w.put("zone", h.zone().getId());
            w.put("start", h.start().toString());
            w.put("end", h.end().toString());
            JsonValues.texts(w, "days", h.days().stream().sorted().map(Enum::name).toList());
        }
        JsonValues.texts(o, "accessActions", m.accessActions().stream().map(AuditAction::code)
                .sorted(Comparator.naturalOrder()).toList());
        return o;
    }

    private String write(JsonNode tree) {
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
