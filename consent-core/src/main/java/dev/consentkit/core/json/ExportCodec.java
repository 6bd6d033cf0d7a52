package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.Actor;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.rights.ExportRecord;
import dev.consentkit.core.rights.ExportSection;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectExport;
import dev.consentkit.core.rights.SubjectRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link SubjectExport} as one JSON bundle: subject, time, the consent history in the layout of
 * {@link HistoryCodec}, the subject's requests with their steps, and the contributors' sections. The layout is described by the JSON Schema
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
        ArrayNode requests = out.putArray("requests");
        export.requests().forEach(r -> writeRequest(requests.addObject(), r));
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
        List<SubjectRequest> requests = new ArrayList<>();
        for (JsonIn r : in.objects("requests")) {
            requests.add(readRequest(r, subject));
        }
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
        return in.build(() -> new SubjectExport(id, subject, ref, generatedAt, history, requests, sections));
    }

    private static void writeRequest(ObjectNode out, SubjectRequest r) {
        out.put("requestId", r.id().toString());
        out.put("type", r.type().name());
        out.put("jurisdiction", r.jurisdiction());
        out.put("receivedAt", JsonValues.instant(r.receivedAt()));
        out.put("dueAt", JsonValues.instant(r.dueAt()));
        JsonValues.optional(out, "extendedDueAt", r.extendedDueAt(), JsonValues::instant);
        out.put("dueProvisional", r.isProvisional());
        JsonValues.texts(out, "dueBasis", r.dueBasis().stream().map(CalendarSource::toString).toList());
        out.put("state", r.state().name());
        ArrayNode steps = out.putArray("history");
        for (RequestStep step : r.history()) {
            ObjectNode s = steps.addObject();
            s.put("state", step.state().name());
            s.put("at", JsonValues.instant(step.at()));
            ObjectNode actor = s.putObject("actor");
            actor.put("kind", step.actor().kind().name());
            JsonValues.optional(actor, "id", step.actor().id(), v -> v);
            JsonValues.optional(s, "note", step.note(), v -> v);
            JsonValues.optional(s, "dueAt", step.dueAt(), JsonValues::instant);
            step.extendedBy().ifPresent(by -> {
                ObjectNode period = s.putObject("extendedBy");
                period.put("amount", by.amount());
                period.put("unit", by.unit().name());
            });
        }
    }

    private static SubjectRequest readRequest(JsonIn in, SubjectId subject) {
        RequestId id = in.text("requestId", "a request id", RequestId::of);
        RequestType type = in.text("type", "a request type", RequestType::valueOf);
        String jurisdiction = in.text("jurisdiction");
        Instant receivedAt = in.text("receivedAt", "an ISO-8601 instant", Instant::parse);
        Instant dueAt = in.text("dueAt", "an ISO-8601 instant", Instant::parse);
        Optional<Instant> extendedDueAt = in.optText("extendedDueAt", "an ISO-8601 instant", Instant::parse);
        List<CalendarSource> basis = new ArrayList<>();
        if (in.has("dueBasis")) {
            List<String> texts = in.texts("dueBasis");
            for (int i = 0; i < texts.size(); i++) {
                try {
                    basis.add(CalendarSource.parse(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw in.invalid("dueBasis[" + i + "]", "a calendar source like ru/2026@sha256:<hex>");
                }
            }
        }
        boolean provisional = basis.stream().anyMatch(CalendarSource::isProvisional);
        if (in.has("dueProvisional") && in.bool("dueProvisional") != provisional) {
            throw in.invalid("dueProvisional", provisional + ", as its dueBasis says");
        }
        RequestState state = in.text("state", "a request state", RequestState::valueOf);
        List<RequestStep> steps = new ArrayList<>();
        for (JsonIn s : in.objects("history")) {
            RequestState stepState = s.text("state", "a request state", RequestState::valueOf);
            Instant at = s.text("at", "an ISO-8601 instant", Instant::parse);
            JsonIn by = s.object("actor");
            Actor.Kind kind = by.text("kind", "an actor kind", Actor.Kind::valueOf);
            Optional<String> actorId = by.optText("id");
            Actor actor = by.build(() -> new Actor(kind, actorId));
            Optional<String> note = s.optText("note");
            Optional<Instant> stepDue = s.optText("dueAt", "an ISO-8601 instant", Instant::parse);
            Optional<LegalPeriod> extendedBy = s.optObject("extendedBy").map(ExportCodec::period);
            steps.add(s.build(() -> new RequestStep(stepState, at, actor, note, stepDue, extendedBy)));
        }
        return in.build(() -> new SubjectRequest(id, subject, type, jurisdiction, receivedAt, dueAt, extendedDueAt,
                state, steps, basis));
    }

    private static LegalPeriod period(JsonIn in) {
        long amount = in.integer("amount");
        LegalPeriod.Unit unit = in.text("unit", "a period unit", LegalPeriod.Unit::valueOf);
        if (amount < 1 || amount > Integer.MAX_VALUE) {
            throw in.invalid("amount", "a positive integer");
        }
        return in.build(() -> new LegalPeriod((int) amount, unit));
    }
}
