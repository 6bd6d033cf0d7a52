package dev.consentkit.core.transparency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled template of the small language documents are written in:
 * {@code {{field}}} inserts an escaped value; {@code {{#field}}...{{/field}}} repeats a block for
 * each element of a list, or shows it once when a text is present or a flag is true;
 * {@code {{^field}}...{{/field}}} shows a block when the list is empty, the text absent or the flag
 * false; {@code {{! comment }}}. A section or comment tag alone on its line takes the line with it.
 * Every field named is checked against the document's schema when the template is compiled.
 */
final class Template {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern UNSAFE = Pattern.compile(
            "<\\s*(script|iframe|object|embed|style)|javascript:|<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private sealed interface Node permits Text, Var, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Var(String name) implements Node {
    }

    private record Section(String name, boolean inverted, List<Node> body) implements Node {
    }

    private final String source;
    private final List<Node> nodes;

    private Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /**
     * @param name where the text comes from, for messages
     * @param text the template
     * @param schema the fields it may use
     * @return the compiled template
     * @throws IllegalStateException naming the template, the line and the field or tag at fault
     */
    static Template compile(String name, String text, Schema schema) {
        List<Node> root = new ArrayList<>();
        Deque<List<Node>> bodies = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Schema> scopes = new ArrayDeque<>();
        bodies.push(root);
        scopes.push(schema);
        int pos = 0;
        while (pos < text.length()) {
            int start = text.indexOf("{{", pos);
            if (start < 0) {
                add(bodies.peek(), text.substring(pos));
                break;
            }
            int end = text.indexOf("}}", start);
            if (end < 0) {
                throw error(name, text, start, "unclosed tag");
            }
            String tag = text.substring(start + 2, end).trim();
            int after = end + 2;
            char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
            boolean block = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!';
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = text.indexOf('\n', after);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            boolean standalone = block && lineStart >= pos && text.substring(lineStart, start).isBlank()
                    && text.substring(after, lineEnd).isBlank();
            if (standalone) {
                add(bodies.peek(), text.substring(pos, lineStart));
                after = Math.min(lineEnd + 1, text.length());
            } else {
                add(bodies.peek(), text.substring(pos, start));
            }
            pos = after;
            if (sigil == '!') {
                continue;
            }
            String field = block ? tag.substring(1).trim() : tag;
            if (!NAME.matcher(field).matches()) {
                throw error(name, text, start, "malformed tag {{" + tag + "}}");
            }
            if (sigil == '/') {
                if (open.isEmpty() || !open.peek().equals(field)) {
                    throw error(name, text, start, "{{/" + field + "}} closes no open section"
                            + (open.isEmpty() ? "" : " (open: " + open.peek() + ")"));
                }
                open.pop();
                bodies.pop();
                scopes.pop();
                continue;
            }
            Schema.Field f = resolve(scopes, field).orElseThrow(() ->
                    error(name, text, start, "unknown field '" + field + "'"));
            if (block) {
                List<Node> body = new ArrayList<>();
                bodies.peek().add(new Section(field, sigil == '^', body));
                bodies.push(body);
                open.push(field);
                scopes.push(f.kind() == Schema.Kind.LIST && sigil == '#' ? f.item() : new Schema());
            } else {
                if (f.kind() != Schema.Kind.TEXT) {
                    throw error(name, text, start, "field '" + field + "' is a " + f.kind().name().toLowerCase(Locale.ROOT)
                            + ": use it as a section {{#" + field + "}}...{{/" + field + "}}");
                }
                bodies.peek().add(new Var(field));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("template " + name + ": section '" + open.peek() + "' is never closed");
        }
        if (UNSAFE.matcher(text).find()) {
            throw new IllegalStateException("template " + name + " contains script or active content: documents carry none");
        }
        return new Template(text, List.copyOf(root));
    }

    private static java.util.Optional<Schema.Field> resolve(Deque<Schema> scopes, String field) {
        for (Schema s : scopes) {
            java.util.Optional<Schema.Field> f = s.field(field);
            if (f.isPresent()) {
                return f;
            }
        }
        return java.util.Optional.empty();
    }

    private static void add(List<Node> body, String text) {
        if (!text.isEmpty()) {
            body.add(new Text(text));
        }
    }

    private static IllegalStateException error(String name, String text, int at, String what) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalStateException("template " + name + ", line " + line + ": " + what);
    }

    /**
     * @param model the values
     * @param format how values are escaped
     * @return the document text
     */
    String render(Model model, Format format) {
        StringBuilder out = new StringBuilder(source.length() * 2);
        Deque<Model> scopes = new ArrayDeque<>();
        scopes.push(model);
        render(nodes, scopes, format, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Deque<Model> scopes, Format format, StringBuilder out) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                out.append(t.text());
            } else if (n instanceof Var v) {
                Object value = lookup(scopes, v.name());
                if (value != null) {
                    out.append(format.escape((String) value));
                }
            } else if (n instanceof Section s) {
                Object value = lookup(scopes, s.name());
                boolean truthy = value instanceof List<?> l ? !l.isEmpty()
                        : value instanceof Boolean b ? b : value != null;
                if (s.inverted()) {
                    if (!truthy) {
                        render(s.body(), scopes, format, out);
                    }
                } else if (value instanceof List<?> items) {
                    for (Object item : items) {
                        scopes.push((Model) item);
                        render(s.body(), scopes, format, out);
                        scopes.pop();
                    }
                } else if (truthy) {
                    render(s.body(), scopes, format, out);
                }
            }
        }
    }

    private static Object lookup(Deque<Model> scopes, String name) {
        for (Model m : scopes) {
            if (m.declares(name)) {
                return m.get(name);
            }
        }
        throw new IllegalStateException("template field '" + name + "' has no value in scope");
    }
}
