package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.rights.ExportRecord;
import dev.consentkit.core.rights.ExportSection;
import dev.consentkit.core.rights.SubjectExport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link SubjectExport} as one JSON bundle: subject, time, the consent history in the layout of
 * {@link HistoryCodec}, and the contributors' sections. The layout is described by the JSON Schema
 * (draft 2020-12) at {@link #SCHEMA}.
 */
final class ExportCodec {
    /** Names the layout, so a later one can be told apart. */
    static final String FORMAT = "consentkit-subject-export-v1";
    /** The class-path location of the bundle's JSON Schema. */
    static final String SCHEMA = "/dev/consentkit/core/json/subject-export.schema.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportCodec() {
    }

    static ObjectNode write(SubjectExport export) {
        ObjectNode out = NODES.objectNode();
        out.put("format", FORMAT);
        out.put("exportId", export.id().toString());
        ObjectNode subject = out.putObject("subject");
        subject.put("id", export.subject().value());
        subject.put("ref", export.subjectRef().value());
        out.put("generatedAt", JsonValues.instant(export.generatedAt()));
        out.set("consentHistory", HistoryCodec.write(export.history()));
        ArrayNode sections = out.putArray("sections");
        for (ExportSection s : export.sections()) {
            ObjectNode section = sections.addObject();
            section.put("source", s.source());
            section.put("name", s.name());
            ArrayNode records = section.putArray("records");
            for (ExportRecord r : s.records()) {
                ObjectNode record = records.addObject();
                ObjectNode values = record.putObject("values");
                r.values().forEach(values::put);
                JsonValues.texts(record, "protected", List.copyOf(r.protectedFields()));
                JsonValues.texts(record, "unreadable", List.copyOf(r.unreadable()));
            }
        }
        return out;
    }

    static SubjectExport read(JsonIn in) {
        if (!FORMAT.equals(in.text("format"))) {
            throw in.invalid("format", "\"" + FORMAT + "\"");
        }
        UUID id = in.text("exportId", "a UUID", JsonValues::parseUuid);
        JsonIn subjectIn = in.object("subject");
        SubjectId subject = subjectIn.text("id", "a subject id", SubjectId::of);
        KeyedHash ref = subjectIn.text("ref", "a keyed hash", KeyedHash::new);
        Instant generatedAt = in.text("generatedAt", "an ISO-8601 instant", Instant::parse);
        ConsentHistory history = HistoryCodec.read(in.object("consentHistory"));
        List<ExportSection> sections = new ArrayList<>();
        for (JsonIn s : in.objects("sections")) {
            String source = s.text("source");
            String name = s.text("name");
            List<ExportRecord> records = new ArrayList<>();
            for (JsonIn r : s.objects("records")) {
                Map<String, String> values = r.textMap("values");
                List<String> sealed = r.texts("protected");
                List<String> unreadable = r.texts("unreadable");
                records.add(r.build(() -> new ExportRecord(values, new LinkedHashSet<>(sealed),
                        new LinkedHashSet<>(unreadable))));
            }
            sections.add(s.build(() -> new ExportSection(source, name, records)));
        }
        return in.build(() -> new SubjectExport(id, subject, ref, generatedAt, history, sections));
    }
}
