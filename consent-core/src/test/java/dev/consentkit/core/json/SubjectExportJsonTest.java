package dev.consentkit.core.json;

import dev.consentkit.core.rights.SubjectRights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectExport;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.testkit.fixtures.StudioBook;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * M13/M17: the export bundle is one JSON document that validates against the JSON Schema shipped in
 * the jar, and reads back equal to the export written.
 */
class SubjectExportJsonTest {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final Actor DPO = Actor.operator("dpo-1");
    private final ConsentJson json = ConsentJson.create();
    private SchemaCheck schema;
    private String bundle;
    private SubjectExport export;

    @BeforeEach
    void exportAClient() throws Exception {
        schema = new SchemaCheck(ConsentJson.exportSchema());
        MutableClock clock = MutableClock.at("2026-03-02T10:15:30.123456Z");
        ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);
        kit.consent(ANNA, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX)
                .ipAddress("203.0.113.7").formId("signup-v3").build()).give();
        kit.object(ANNA, Fixtures.ORDERS, Actor.subject());
        StudioBook book = new StudioBook("crm").client(ANNA, "Анна Петрова", "anna@example.org")
                .order(ANNA, "Logo and letterhead").invoice(ANNA, "INV-2026-0042");
        SubjectDataService data = SubjectDataService.builder(kit).contributor(book).build();
        RequestId erasure = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ERASURE, Actor.subject()).id();
        SubjectRights.builder(kit).build().refuse(erasure, "the client withdrew the request", DPO);
        clock.advance(java.time.Duration.ofHours(1));
        RequestId access = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ACCESS, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(access, DPO);
        export = data.export(access, DPO);
        bundle = json.writeExport(export);
    }

    @Test
    void theSchemaIsDraft2020AndTheBundleValidatesAgainstIt() throws Exception {
        ObjectNode s = (ObjectNode) new ObjectMapper().readTree(ConsentJson.exportSchema());
        assertThat(s.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");

        assertThat(schema.validate(bundle)).isEmpty();
        assertThat(bundle).contains("\"consentHistory\"", "\"sections\"", "Анна Петрова", "INV-2026-0042");
    }

    @Test
    void theBundleReadsBackEqual() {
        SubjectExport read = json.readExport(bundle);

        assertThat(read).isEqualTo(export);
        assertThat(read.history().entries()).hasSize(2);
        assertThat(read.requests()).extracting(r -> r.type() + " " + r.state())
                .containsExactly("ERASURE REFUSED", "ACCESS IN_PROGRESS");
        assertThat(read.sections()).extracting(s -> s.source() + "/" + s.name())
                .containsExactly("crm/client", "crm/orders", "crm/invoices");
        assertThat(json.writeExport(read)).isEqualTo(bundle);
    }

    @Test
    void theCheckFailsOnBundlesThatBreakTheSchema() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode missing = (ObjectNode) mapper.readTree(bundle);
        missing.remove("subject");
        ObjectNode extra = (ObjectNode) mapper.readTree(bundle);
        extra.put("inferredScore", 0.7);
        ObjectNode badTime = (ObjectNode) mapper.readTree(bundle);
        badTime.put("generatedAt", "yesterday");
        ObjectNode badValue = (ObjectNode) mapper.readTree(bundle);
        ((ObjectNode) badValue.get("sections").get(0).get("records").get(0).get("values")).put("name", 42);
        ObjectNode badState = (ObjectNode) mapper.readTree(bundle);
        ((ObjectNode) badState.get("requests").get(0)).put("state", "LOST");
        ObjectNode badKind = (ObjectNode) mapper.readTree(bundle);
        ((ObjectNode) badKind.get("consentHistory").get("entries").get(0)).put("kind", "MAYBE");

        assertThat(schema.validate(missing.toString())).containsExactly("$: missing required property subject");
        assertThat(schema.validate(extra.toString())).containsExactly("$.inferredScore: not allowed");
        assertThat(schema.validate(badTime.toString())).containsExactly("$.generatedAt: not an RFC 3339 date-time");
        assertThat(schema.validate(badValue.toString()))
                .containsExactly("$.sections[0].records[0].values.name: expected type \"string\" but was NUMBER");
        assertThat(schema.validate(badState.toString())).hasSize(1).first().asString()
                .startsWith("$.requests[0].state: not one of");
        assertThat(schema.validate(badKind.toString())).hasSize(1).first().asString()
                .startsWith("$.consentHistory.entries[0].kind: not one of");
    }

    @Test
    void readingABrokenBundleNamesThePathNotTheValue() {
        String broken = bundle.replace("\"format\": \"consentkit-subject-export-v1\"", "\"format\": \"v0\"");
        assertThat(broken).isNotEqualTo(bundle);
        assertThatThrownBy(() -> json.readExport(broken)).isInstanceOf(ConsentJsonException.class)
                .hasMessageContaining("$.format");
        String badRecord = bundle.replaceFirst("\"unreadable\": \\[]", "\"unreadable\": [\"name\"]");
        assertThat(badRecord).isNotEqualTo(bundle);
        assertThatThrownBy(() -> json.readExport(badRecord)).isInstanceOf(ConsentJsonException.class)
                .hasMessageNotContaining("Анна");
        assertThat(List.of(export.toString())).noneMatch(s -> s.contains("Анна") || s.contains("anna@"));
    }

    @Test
    void aProvisionalDeadlineItsBasisAndItsExtensionTravelInTheBundle() throws Exception {
        // R-RU-10, M17: the export says which deadlines are provisional and on which tables they rest
        MutableClock clock = MutableClock.at("2026-12-20T09:00:00Z");
        ConsentKit ru = ConsentKit.builder().catalog(Fixtures.catalog()).storage(InMemoryStorage.create()).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .jurisdiction(dev.consentkit.core.jurisdiction.Jurisdiction.RU_152FZ).build();
        ru.consent(ANNA, Fixtures.NEWSLETTER).evidence(ru.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        RequestId access = SubjectRights.builder(ru).build().receive(ANNA, RequestType.ACCESS, Actor.subject()).id();
        SubjectRights.builder(ru).build().verifyIdentity(access, DPO);
        SubjectRights.builder(ru).build().start(access, DPO);
        SubjectRights.builder(ru).build().extend(access, dev.consentkit.core.jurisdiction.LegalPeriod.workingDays(5), "14 projects to check", DPO);
        SubjectExport provisional = SubjectDataService.builder(ru).build().export(access, DPO);
        String written = json.writeExport(provisional);

        assertThat(schema.validate(written)).isEmpty();
        assertThat(written).contains("\"dueProvisional\": true", "ru/2027@provisional:ru-labour-code-art112",
                "\"extendedBy\"", "\"WORKING_DAYS\"");
        SubjectExport read = json.readExport(written);
        assertThat(read).isEqualTo(provisional);
        assertThat(read.requests()).singleElement().satisfies(r -> {
            assertThat(r.isProvisional()).isTrue();
            assertThat(r.dueBasis()).hasSize(2);
        });

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode older = (ObjectNode) mapper.readTree(written);
        ObjectNode request = (ObjectNode) older.get("requests").get(0);
        request.remove("dueProvisional");
        request.remove("dueBasis");
        assertThat(schema.validate(older.toString())).as("a bundle written before v4 still validates").isEmpty();
        assertThat(json.readExport(older.toString()).requests().get(0).dueBasis()).isEmpty();

        ObjectNode contradicts = (ObjectNode) mapper.readTree(written);
        ((ObjectNode) contradicts.get("requests").get(0)).put("dueProvisional", false);
        assertThatThrownBy(() -> json.readExport(contradicts.toString())).isInstanceOf(ConsentJsonException.class)
                .hasMessageContaining("$.requests[0].dueProvisional");
        ObjectNode badSource = (ObjectNode) mapper.readTree(written);
        ((com.fasterxml.jackson.databind.node.ArrayNode) badSource.get("requests").get(0).get("dueBasis")).set(0,
                com.fasterxml.jackson.databind.node.TextNode.valueOf("ru/2027@guess"));
        assertThat(schema.validate(badSource.toString())).hasSize(1);
        assertThatThrownBy(() -> json.readExport(badSource.toString())).isInstanceOf(ConsentJsonException.class)
                .hasMessageContaining("dueBasis[0]");
    }
}
