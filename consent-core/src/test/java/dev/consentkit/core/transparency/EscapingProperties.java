package dev.consentkit.core.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a value holds, it stays literal text in both formats. */
class EscapingProperties {
    private static final Schema SCHEMA = new Schema().text("v");
    private static final Template HTML = Template.compile("t", "<p>{{v}}</p>", SCHEMA);
    private static final Template MD = Template.compile("t", "- {{v}}\n", SCHEMA);

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("<>&\"'`*_[]()#|~!\\-+ \n\rabcяж1.:=/").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 500)
    void htmlHoldsNoMarkupFromAValueAndUnescapesToIt(@ForAll("values") String value) {
        String out = HTML.render(new Model(SCHEMA).text("v", value), Format.HTML);
        String inner = out.substring(3, out.length() - 4);

        assertThat(inner).doesNotContain("<", ">", "\"", "'");
        assertThat(inner.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")).isEqualTo(value);
    }

    @Property(tries = 500)
    void markdownKeepsAValueOnItsLineWithEverySpecialCharacterEscaped(@ForAll("values") String value) {
        String out = MD.render(new Model(SCHEMA).text("v", value), Format.MARKDOWN);
        String inner = out.substring(2, out.length() - 1);

        assertThat(inner).doesNotContain("\n", "\r", "<", ">");
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if ("`*_[]#|~!".indexOf(c) >= 0) {
                assertThat(inner.charAt(i - 1)).as("escape before %s in %s", c, inner).isEqualTo('\\');
            }
        }
        assertThat(inner).doesNotContainPattern("^\\s*([-+]|[0-9]+[.)])(\\s|$)");
    }
}
