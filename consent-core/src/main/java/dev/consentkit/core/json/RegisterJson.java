package dev.consentkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RiskAssessment;
import dev.consentkit.core.register.ProcessingRecord;
import dev.consentkit.core.register.ProcessingRegister;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the register of processing as JSON and reads it back, so a version can be archived and
 * compared with a later one ({@code RegisterDiff}); what is read back equals what was written.
 *
 * <p>Output is pretty-printed with a fixed field order and {@code \n} line ends; instants are ISO-8601
 * text; absent optional values are left out. Writing refuses an incomplete register (see
 * {@link ProcessingRegister#requireComplete()}); reading is strict about missing and malformed fields
 * and ignores unknown ones.
 *
 * <pre>{@code
 * RegisterJson json = RegisterJson.create();
 * Files.writeString(archive, json.write(register));
 * ProcessingRegister lastMonth = json.read(Files.readString(previous));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RegisterJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private RegisterJson() {
        this.reader = JsonFormat.reader();
        this.writer = JsonFormat.writer();
    }

    /** @return a reader and writer of registers */
    public static RegisterJson create() {
        return new RegisterJson();
    }

    /**
     * @param register a complete register
     * @return its JSON, pretty-printed, ending without a newline
     * @throws dev.consentkit.core.register.IncompleteRegisterException if a mandatory field is missing
     */
    public String write(ProcessingRegister register) {
        Objects.requireNonNull(register, "register").requireComplete();
        ObjectNode root = NODES.objectNode();
        root.put("generatedAt", JsonValues.instant(register.generatedAt()));
        root.put("controller", register.controller());
        root.put("jurisdiction", register.jurisdiction());
        ArrayNode rows = root.putArray("records");
        for (ProcessingRecord r : register.records()) {
            ObjectNode row = rows.addObject();
            row.put("purpose", r.purpose().value());
            row.put("name", r.name());
            row.put("description", r.description());
            row.put("controller", r.controller());
            row.put("legalBasis", r.basis().name());
            JsonValues.texts(row, "subjectCategories", r.subjectCategories());
            JsonValues.texts(row, "dataCategories", r.dataCategories());
            ArrayNode recipients = row.putArray("recipients");
            for (Recipient x : r.recipients()) {
                ObjectNode o = recipients.addObject();
                o.put("name", x.name());
                o.put("role", x.role().name());
                JsonValues.optional(o, "country", x.country(), c -> c);
                JsonValues.optional(o, "address", x.address(), a -> a);
                JsonValues.optional(o, "agreement", x.agreement(), a -> a);
            }
            JsonValues.texts(row, "transfers", r.transfers());
            JsonValues.optional(row, "retention", r.retention(), t -> t);
            JsonValues.texts(row, "accessRoles", r.accessRoles());
            JsonValues.texts(row, "securityMeasures", r.securityMeasures());
            r.risk().ifPresent(risk -> {
                ObjectNode o = row.putObject("risk");
                o.put("likelihood", risk.likelihood().name());
                o.put("severity", risk.severity().name());
                JsonValues.texts(o, "mitigations", risk.mitigations());
            });
        }
        try {
            return writer.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * @param json a register written by {@link #write}
     * @return the register, equal to the one written
     * @throws ConsentJsonException if the JSON is malformed or a field is missing, of the wrong type or form
     */
    public ProcessingRegister read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = reader.readTree(json);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the input; only the position is passed on
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ConsentJsonException("$", "malformed JSON" + where);
        }
        JsonIn root = JsonIn.root(tree);
        Instant generatedAt = root.text("generatedAt", "an ISO-8601 instant", Instant::parse);
        String controller = root.text("controller");
        String jurisdiction = root.text("jurisdiction");
        var rows = root.objects("records").stream().map(RegisterJson::row).toList();
        return root.build(() -> new ProcessingRegister(generatedAt, controller, jurisdiction, rows));
    }

    private static ProcessingRecord row(JsonIn in) {
        PurposeId purpose = in.text("purpose", "a purpose id", PurposeId::of);
        LegalBasis basis = in.text("legalBasis", "a legal basis", LegalBasis::valueOf);
        var recipients = in.objects("recipients").stream().map(o -> {
            String name = o.text("name");
            Recipient.Role role = o.text("role", "a recipient role", Recipient.Role::valueOf);
            Optional<String> country = o.optText("country");
            Optional<String> address = o.optText("address");
            Optional<String> agreement = o.optText("agreement");
            return o.build(() -> new Recipient(name, role, country, address, agreement));
        }).toList();
        Optional<RiskAssessment> risk = in.optObject("risk").map(o -> {
            RiskAssessment.Level likelihood = o.text("likelihood", "LOW, MEDIUM or HIGH", RiskAssessment.Level::valueOf);
            RiskAssessment.Level severity = o.text("severity", "LOW, MEDIUM or HIGH", RiskAssessment.Level::valueOf);
            var mitigations = o.texts("mitigations");
            return o.build(() -> new RiskAssessment(likelihood, severity, mitigations));
        });
        String name = in.text("name");
        String description = in.text("description");
        String controller = in.text("controller");
        var subjects = in.texts("subjectCategories");
        var data = in.texts("dataCategories");
        var transfers = in.texts("transfers");
        Optional<String> retention = in.optText("retention");
        var roles = in.texts("accessRoles");
        var security = in.texts("securityMeasures");
        return in.build(() -> new ProcessingRecord(purpose, name, description, controller, basis, subjects, data,
                recipients, transfers, retention, roles, security, risk));
    }
}
