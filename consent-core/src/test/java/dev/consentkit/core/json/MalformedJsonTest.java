package dev.consentkit.core.json;

import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ConsentException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken input is refused with a {@link ConsentJsonException} that names the field's path and never
 * echoes the value found (input may hold personal data).
 */
class MalformedJsonTest {
    /** Planted in every broken value, so a test can see it is not echoed. */
    private static final String SECRET = "anna.petrova@example.org";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ConsentJson JSON = ConsentJson.create();
    private static final String RECEIPT;
    private static final String HISTORY;

    static {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);
        SubjectId anna = SubjectId.of("client-1001");
        LedgerEntry given = kit.consent(anna, NEWSLETTER)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress("203.0.113.7").build()).give();
        clock.advance(Duration.ofSeconds(5));
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        RECEIPT = JSON.writeReceipt(kit.receipt(given));
        HISTORY = JSON.writeHistory(kit.history(anna));
    }

    static Stream<Arguments> brokenReceipts() {
        return Stream.of(
                broken("$.consentReceiptID", "missing", r -> r.remove("consentReceiptID")),
                broken("$.consentReceiptID", "expected a UUID", r -> r.put("consentReceiptID", SECRET)),
                broken("$.version", "KI-CR-v1.1.0", r -> r.put("version", "KI-CR-v1.0.0")),
                broken("$.jurisdiction", "ISO 3166", r -> r.put("jurisdiction", SECRET)),
                broken("$.consentTimestamp", "expected an integer", r -> r.put("consentTimestamp", SECRET)),
                broken("$.consentTimestamp", "epoch second", r -> r.put("consentTimestamp", 1772445601L)),
                broken("$.collectionMethod", "evidence", r -> r.put("collectionMethod", "PAPER_FORM")),
                broken("$.language", "ISO 639", r -> r.put("language", "ru-RU")),
                broken("$.piiPrincipalId", "expected a string", r -> r.putArray("piiPrincipalId").add(SECRET)),
                broken("$.piiControllers[0].piiController", "missing",
                        r -> ((ObjectNode) r.get("piiControllers").get(0)).remove("piiController")),
                broken("$.piiControllers", "expected an array", r -> r.put("piiControllers", SECRET)),
                broken("$.services[0].purposes[0].consentType", "EXPLICIT",
                        r -> purpose(r).put("consentType", SECRET)),
                broken("$.services[0].purposes[0].primaryPurpose", "true or false",
                        r -> purpose(r).put("primaryPurpose", "yes")),
                broken("$.services[0].purposes[0].thirdPartyDisclosure", "thirdPartyName",
                        r -> purpose(r).put("thirdPartyDisclosure", true)),
                broken("$.services[0].purposes[0].piiCategory[0]", "expected a string",
                        r -> purpose(r).putArray("piiCategory").add(42)),
                broken("$", "at least one service", r -> r.putArray("services")),
                broken("$.sensitive", "spiCat", r -> r.put("sensitive", true)),
                broken("$.consentKit", "missing", r -> r.remove("consentKit")),
                broken("$.consentKit.status", "DPV", r -> ours(r).put("status", "GIVEN")),
                broken("$.consentKit.occurredAt", "ISO-8601", r -> ours(r).put("occurredAt", "2026-13-45T25:00:00Z")),
                broken("$.consentKit.notice.textSha256", "64 lower-case hex",
                        r -> ((ObjectNode) ours(r).get("notice")).put("textSha256", SECRET)),
                broken("$.consentKit.notice.textSha256", "64 lower-case hex",
                        r -> ((ObjectNode) ours(r).get("notice")).put("textSha256", "AB".repeat(32))),
                broken("$.consentKit.notice.version", "major.minor",
                        r -> ((ObjectNode) ours(r).get("notice")).put("version", "v1")),
                broken("$.consentKit.evidence.ipHash", "keyed hash",
                        r -> ((ObjectNode) ours(r).get("evidence")).put("ipHash", "203.0.113.7")),
                broken("$.consentKit.evidence.recordedBy", "SUBJECT actor carries no id",
                        r -> ((ObjectNode) ours(r).get("evidence").get("recordedBy")).put("id", "desk-1")),
                broken("$.consentKit.evidence.recordedBy.kind", "actor kind",
                        r -> ((ObjectNode) ours(r).get("evidence").get("recordedBy")).put("kind", SECRET)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenReceipts")
    void brokenReceiptFieldIsNamedNotEchoed(String path, String expected, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(RECEIPT);
        breakIt.accept(tree);
        String broken = MAPPER.writeValueAsString(tree);

        assertThatThrownBy(() -> JSON.readReceipt(broken))
                .isInstanceOfSatisfying(ConsentJsonException.class, e -> assertThat(e.path()).isEqualTo(path))
                .isInstanceOf(ConsentException.class)
                .hasMessageStartingWith(path + ": ")
                .hasMessageContaining(expected)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("203.0.113.7")
                .hasNoCause();
    }

    static Stream<Arguments> brokenHistories() {
        return Stream.of(
                broken("$.format", "missing", h -> h.remove("format")),
                broken("$.subject", "subject id", h -> h.put("subject", " " + SECRET)),
                broken("$.entries", "expected an array", h -> h.putObject("entries")),
                broken("$.entries[1]", "expected an object", h -> ((ArrayNode) h.get("entries")).set(1, h.textNode(SECRET))),
                broken("$.entries[0].sequence", "positive", h -> entry(h, 0).put("sequence", 0)),
                broken("$.entries[0].sequence", "integer", h -> entry(h, 0).put("sequence", "1")),
                broken("$.entries[0].sequence", "integer", h -> entry(h, 0).put("sequence", 1.5)),
                broken("$.entries[1].kind", "event kind", h -> entry(h, 1).put("kind", SECRET)),
                broken("$.entries[1].status", "DPV status of the kind", h -> entry(h, 1).put("status", "dpv:ConsentGiven")),
                broken("$.entries[2].status", "no status", h -> entry(h, 2).put("status", "dpv:ConsentGiven")),
                broken("$.entries[1]", "validity end", h -> entry(h, 1).put("validUntil", "2030-01-01T00:00:00Z")),
                broken("$.entries[2]", "whole purpose", h -> entry(h, 2).put("channel", "email")),
                broken("$.entries[0].channel", "channel code", h -> entry(h, 0).put("channel", SECRET)),
                broken("$.entries[0].evidence", "missing", h -> entry(h, 0).remove("evidence")),
                broken("$.entries[0].evidence.formId", "expected a string", h -> evidence(h, 0).put("formId", 7)),
                broken("$.entries[0].evidence", "form id", h -> evidence(h, 0).put("formId", SECRET + "\n")),
                broken("$.entries[0].evidence.userAgentHash", "keyed hash",
                        h -> evidence(h, 0).put("userAgentHash", "Mozilla/5.0 Firefox/140")),
                broken("$.entries[0].notice.textSha256", "missing",
                        h -> ((ObjectNode) entry(h, 0).get("notice")).remove("textSha256")),
                broken("$.entries[0].recordedAt", "ISO-8601", h -> entry(h, 0).put("recordedAt", "yesterday")),
                broken("$.entries[0].requestDigest", "missing", h -> entry(h, 0).putNull("requestDigest")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenHistories")
    void brokenHistoryFieldIsNamedNotEchoed(String path, String expected, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(HISTORY);
        breakIt.accept(tree);
        String broken = MAPPER.writeValueAsString(tree);

        assertThatThrownBy(() -> JSON.readHistory(broken))
                .isInstanceOfSatisfying(ConsentJsonException.class, e -> assertThat(e.path()).isEqualTo(path))
                .hasMessageStartingWith(path + ": ")
                .hasMessageContaining(expected)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("Mozilla")
                .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"format\": \"consentkit-history-v1\", \"subject\": \"anna.petrova@example.org\" oops}",
            "{\"format\": \"consentkit-history-v1\", \"entries\": [{\"kind\": \"anna.petrova@example.org",
            "{\"subject\": \"a\", \"subject\": \"anna.petrova@example.org\"}",
            "{} {\"subject\": \"anna.petrova@example.org\"}",
            "{\"subject\": 'anna.petrova@example.org'}"})
    void malformedJsonIsRefusedWithoutEchoingIt(String text) {
        assertThatThrownBy(() -> JSON.readHistory(text))
                .isInstanceOf(ConsentJsonException.class)
                .hasMessageContaining("malformed JSON (line 1, column")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("oops")
                .hasNoCause();
    }

    @Test
    void malformedJsonNamesWhereTheParserStopped() {
        String truncated = HISTORY.substring(0, HISTORY.indexOf("\"requestDigest\""));

        assertThatThrownBy(() -> JSON.readHistory(truncated))
                .isInstanceOfSatisfying(ConsentJsonException.class,
                        e -> assertThat(e.path()).startsWith("$.entries[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"KI-CR-v1.1.0\"", "null", "42"})
    void aDocumentThatIsNoObjectIsRefused(String text) {
        assertThatThrownBy(() -> JSON.readReceipt(text))
                .isInstanceOfSatisfying(ConsentJsonException.class, e -> assertThat(e.path()).isEqualTo("$"))
                .hasMessage("$: expected a JSON object");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(RECEIPT);
        tree.put("publicKey", "-----BEGIN PUBLIC KEY-----");
        ours(tree).put("futureField", 1);

        assertThat(JSON.readReceipt(MAPPER.writeValueAsString(tree))).isEqualTo(JSON.readReceipt(RECEIPT));
    }

    private static Arguments broken(String path, String expected, Consumer<ObjectNode> breakIt) {
        return Arguments.of(path, expected, breakIt);
    }

    private static ObjectNode purpose(ObjectNode receipt) {
        return (ObjectNode) receipt.get("services").get(0).get("purposes").get(0);
    }

    private static ObjectNode ours(ObjectNode receipt) {
        return (ObjectNode) receipt.get("consentKit");
    }

    private static ObjectNode entry(ObjectNode history, int i) {
        return (ObjectNode) history.get("entries").get(i);
    }

    private static ObjectNode evidence(ObjectNode history, int i) {
        return (ObjectNode) entry(history, i).get("evidence");
    }
}
