package dev.consentkit.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.rights.SubjectExport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes and reads consent receipts and consent histories as JSON, so a subject can be handed the
 * proof of a consent and a host can move a history between systems; what is read back equals what
 * was written.
 *
 * <p>A receipt is Kantara Consent Receipt v1.1.0 JSON ({@code version} {@code "KI-CR-v1.1.0"},
 * {@code consentTimestamp} in epoch seconds), with ConsentKit's additions (notice version and text
 * hash, evidence, status, scope, exact times) in a {@code consentKit} object that Kantara readers may
 * ignore. A history lists every ledger entry of one subject. Output is pretty-printed with a fixed
 * field order; instants are ISO-8601 text; absent optional values are left out. Reading is strict:
 * duplicate keys, trailing content, missing or malformed fields and inconsistent derived fields are
 * refused; unknown fields are ignored.
 *
 * <pre>{@code
 * ConsentJson json = ConsentJson.create();
 * String text = json.writeReceipt(kit.receipt(entry));
 * ConsentReceipt same = json.readReceipt(text);
 * }</pre>
 *
 * <p>Immutable and thread-safe; create one and share it.
 */
public final class ConsentJson {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private ConsentJson() {
        this.reader = JsonFormat.reader();
        this.writer = JsonFormat.writer();
    }

    /** @return a reader and writer of receipts and histories */
    public static ConsentJson create() {
        return new ConsentJson();
    }

    /**
     * @param receipt a receipt, e.g. from {@code ConsentKit.receipt(entry)}
     * @return its JSON, pretty-printed, ending without a newline
     * @throws NullPointerException if {@code receipt} is null
     */
    public String writeReceipt(ConsentReceipt receipt) {
        return write(ReceiptCodec.write(Objects.requireNonNull(receipt, "receipt")));
    }

    /**
     * @param json a receipt written by {@link #writeReceipt}
     * @return the receipt, equal to the one written
     * @throws NullPointerException if {@code json} is null
     * @throws ConsentJsonException if the JSON is malformed, a field is missing, of the wrong type or
     *                              form, or a derived Kantara field disagrees with its source
     */
    public ConsentReceipt readReceipt(String json) {
        return ReceiptCodec.read(JsonIn.root(parse(json)));
    }

    /**
     * @param history a subject's history, e.g. from {@code ConsentKit.history(subject)}
     * @return its JSON, pretty-printed, ending without a newline
     * @throws NullPointerException if {@code history} is null
     */
    public String writeHistory(ConsentHistory history) {
        return write(HistoryCodec.write(Objects.requireNonNull(history, "history")));
    }

    /**
     * @param json a history written by {@link #writeHistory}
     * @return the history, equal to the one written
     * @throws NullPointerException if {@code json} is null
     * @throws ConsentJsonException if the JSON is malformed, a field is missing, of the wrong type or
     *                              form, or an entry breaks a rule of the ledger
     */
    public ConsentHistory readHistory(String json) {
        return HistoryCodec.read(JsonIn.root(parse(json)));
    }

    /**
     * @param export a subject's export, from {@code SubjectDataService.export}
     * @return the bundle's JSON, pretty-printed; it validates against {@link #exportSchema()}
     * @throws NullPointerException if {@code export} is null
     */
    public String writeExport(SubjectExport export) {
        return write(ExportCodec.write(Objects.requireNonNull(export, "export")));
    }

    /**
     * @param json a bundle written by {@link #writeExport}
     * @return the export, equal to the one written
     * @throws ConsentJsonException if the JSON is malformed or a field is missing or of the wrong form
     */
    public SubjectExport readExport(String json) {
        return ExportCodec.read(JsonIn.root(parse(json)));
    }

    /**
     * @return the JSON Schema (draft 2020-12) of the export bundle, as shipped in the jar at
     *         {@code dev/consentkit/core/json/subject-export.schema.json}
     */
    public static String exportSchema() {
        try (java.io.InputStream in = ConsentJson.class.getResourceAsStream(ExportCodec.SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the export schema is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the export schema could not be read", e);
        }
    }

    private String write(JsonNode tree) {
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return reader.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input; only the position is passed on.
            String path = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "$";
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ConsentJsonException(path, "malformed JSON" + where);
        }
    }

    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                segments.push("." + (PLAIN_NAME.matcher(name).matches() ? name : "?"));
            }
        }
        return "$" + String.join("", segments);
    }
}
