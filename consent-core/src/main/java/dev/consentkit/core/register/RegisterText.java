package dev.consentkit.core.register;

import java.util.List;
import java.util.Map;

/** Renders a register as CSV and Markdown. Not API; stateless. */
final class RegisterText {
    private static final String CRLF = "\r\n";
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("purpose", "Purpose id"),
            Map.entry("name", "Purpose (Art. 30(1)(b))"),
            Map.entry("description", "Description"),
            Map.entry("controller", "Controller (Art. 30(1)(a))"),
            Map.entry("legal basis", "Legal basis (Art. 6(1))"),
            Map.entry("categories of subjects", "Categories of data subjects (Art. 30(1)(c))"),
            Map.entry("categories of data", "Categories of personal data (Art. 30(1)(c))"),
            Map.entry("recipients", "Recipients and agreements (Art. 30(1)(d))"),
            Map.entry("transfers", "Transfers to third countries (Art. 30(1)(e))"),
            Map.entry("retention", "Erasure time limit (Art. 30(1)(f))"),
            Map.entry("roles with access", "Roles with access"),
            Map.entry("security measures", "Security measures (Art. 30(1)(g))"),
            Map.entry("risk", "Risk assessment"));

    private RegisterText() {
    }

    static String csv(ProcessingRegister register) {
        StringBuilder out = new StringBuilder();
        row(out, ProcessingRecord.COLUMNS);
        for (ProcessingRecord r : register.records()) {
            row(out, List.copyOf(r.fields().values()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(fields.get(i)));
        }
        out.append(CRLF);
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String markdown(ProcessingRegister register) {
        StringBuilder out = new StringBuilder();
        out.append("# Register of processing activities\n\n");
        out.append("- Controller: ").append(inline(register.controller())).append('\n');
        out.append("- Jurisdiction: ").append(register.jurisdiction()).append('\n');
        out.append("- Generated: ").append(register.generatedAt()).append('\n');
        out.append("- Purposes: ").append(register.records().size()).append('\n');
        for (ProcessingRecord r : register.records()) {
            out.append("\n## ").append(inline(r.name())).append(" (`").append(r.purpose().value()).append("`)\n\n");
            out.append("| Field | Value |\n|---|---|\n");
            r.items().forEach((field, values) -> {
                if (!field.equals("purpose") && !field.equals("name")) {
                    out.append("| ").append(LABELS.get(field)).append(" | ").append(cell(values)).append(" |\n");
                }
            });
        }
        return out.toString();
    }

    /** A table cell: pipes escaped, line breaks and list items separated by {@code <br>}. */
    static String cell(List<String> values) {
        return values.stream().map(RegisterText::inline).collect(java.util.stream.Collectors.joining("<br>"));
    }

    static String inline(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
