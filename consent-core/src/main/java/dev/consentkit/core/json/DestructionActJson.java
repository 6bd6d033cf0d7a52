package dev.consentkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.retention.ActEntry;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.DisposalAction;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link DestructionAct} and its audit export as one JSON document, for the operator's files
 * and the regulator. The {@code act} object carries the fields of Roskomnadzor Order 179 under plain
 * names ({@code operator}, {@code processor}, {@code subjects}, {@code performedBy}, {@code categories},
 * {@code system}, {@code methods}, {@code reasons}, {@code destroyedAt}) and the entries; the
 * {@code auditExport} array holds each matching audit record with its chain links, so it can be checked
 * against the chain. Subjects appear only by keyed reference. Instants are ISO-8601 text; absent
 * optional values are left out.
 *
 * <pre>{@code
 * String json = DestructionActJson.write(act, retention.auditExport(act));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DestructionActJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DestructionActJson() {
    }

    /**
     * @param act the act
     * @param auditExport the audit records matching it, from {@code RetentionEngine.auditExport(act)}
     * @return the JSON document, pretty-printed
     */
    public static String write(DestructionAct act, List<AuditRecord> auditExport) {
        Objects.requireNonNull(act, "act");
        Objects.requireNonNull(auditExport, "auditExport");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "consentkit-destruction-act-v1");
        ObjectNode a = root.putObject("act");
        a.put("id", act.id().toString());
        ObjectNode operator = a.putObject("operator");
        operator.put("name", act.operator());
        JsonValues.optional(operator, "address", act.operatorAddress(), s -> s);
        JsonValues.optional(a, "processor", act.processor(), s -> s);
        ObjectNode subjects = a.putObject("subjects");
        subjects.put("count", act.subjectRefs().size());
        JsonValues.texts(subjects, "refs", act.subjectRefs().stream().map(KeyedHash::value).toList());
        ObjectNode by = a.putObject("performedBy");
        by.put("kind", act.performedBy().kind().name());
        JsonValues.optional(by, "id", act.performedBy().id(), s -> s);
        act.signatory().ifPresent(s -> {
            by.put("name", s.name());
            by.put("position", s.position());
        });
        JsonValues.texts(a, "categories", act.categories().stream().map(CategoryId::value).toList());
        a.put("system", act.system());
        JsonValues.texts(a, "methods", act.methods().stream().map(DisposalAction::method).toList());
        JsonValues.texts(a, "reasons", List.copyOf(act.reasons()));
        a.put("recordCount", act.recordCount());
        a.put("startedAt", JsonValues.instant(act.startedAt()));
        JsonValues.optional(a, "destroyedAt", act.destroyedAt(), JsonValues::instant);
        a.put("complete", act.complete());
        ArrayNode entries = a.putArray("entries");
        for (ActEntry e : act.entries()) {
            ObjectNode n = entries.addObject();
            n.put("number", e.number());
            n.put("policy", e.policyId().value());
            n.put("purpose", e.purpose().value());
            n.put("category", e.category().value());
            n.put("action", e.action().name());
            n.put("method", e.action().method());
            n.put("reason", e.reason());
            n.put("recordCount", e.recordCount());
            JsonValues.texts(n, "subjectRefs", e.subjectRefs().stream().map(KeyedHash::value).toList());
            n.put("disposedAt", JsonValues.instant(e.disposedAt()));
            n.put("auditEntry", e.auditEntry());
        }
        ArrayNode audit = root.putArray("auditExport");
        for (AuditRecord r : auditExport) {
            ObjectNode n = audit.addObject();
            n.put("sequence", r.sequence());
            n.put("entry", r.entryId());
            n.put("time", JsonValues.instant(r.event().time()));
            n.put("actor", r.event().actor().toString());
            n.put("action", r.event().action().code());
            JsonValues.optional(n, "subjectRef", r.event().subjectRef(), KeyedHash::value);
            JsonValues.optional(n, "purpose", r.event().purpose(), p -> p.value());
            n.put("outcome", r.event().outcome().name());
            JsonValues.optional(n, "reference", r.event().reference(), s -> s);
            JsonValues.optional(n, "entryMac", r.entryMac(), s -> s);
            n.put("previousLink", r.previousLink());
            n.put("link", r.link());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a destruction act as JSON failed", e);
        }
    }
}
