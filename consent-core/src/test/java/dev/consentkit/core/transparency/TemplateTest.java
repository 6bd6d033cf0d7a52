package dev.consentkit.core.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The template language: fields, sections, inverted sections, standalone lines, compile-time checks. */
class TemplateTest {
    private static final Schema ITEM = new Schema().text("name").flag("special");
    private static final Schema SCHEMA = new Schema().text("title", "note").flag("on").list("items", ITEM);

    private static Model model(String note, boolean on, Model... items) {
        return new Model(SCHEMA).text("title", "T").text("note", note).flag("on", on).list("items", List.of(items));
    }

    private static Model item(String name, boolean special) {
        return new Model(ITEM).text("name", name).flag("special", special);
    }

    @Test
    void fieldsListsAndConditionalsRender() {
        Template t = Template.compile("t", "{{title}}:{{#items}} {{name}}{{#special}}!{{/special}}{{/items}}"
                + "{{^items}} none{{/items}}{{#note}} ({{note}}){{/note}}{{#on}} on{{/on}}{{^on}} off{{/on}}", SCHEMA);

        assertThat(t.render(model("n", true, item("a", false), item("b", true)), Format.MARKDOWN)).isEqualTo("T: a b! (n) on");
        assertThat(t.render(model(null, false), Format.MARKDOWN)).isEqualTo("T: none off");
    }

    @Test
    void anOuterFieldIsVisibleInsideAListSection() {
        Template t = Template.compile("t", "{{#items}}{{title}}-{{name}} {{/items}}", SCHEMA);

        assertThat(t.render(model(null, false, item("a", false), item("b", false)), Format.HTML)).isEqualTo("T-a T-b ");
    }

    @Test
    void aSectionTagAloneOnItsLineTakesTheLineWithIt() {
        Template t = Template.compile("t", "head\n{{! comment }}\n{{#items}}\n- {{name}}\n{{/items}}\ntail\n", SCHEMA);

        assertThat(t.render(model(null, false, item("a", false), item("b", false)), Format.MARKDOWN))
                .isEqualTo("head\n- a\n- b\ntail\n");
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() {
        assertThatThrownBy(() -> Template.compile("policy.ru.md", "line one\n{{#items}}{{nmae}}{{/items}}", SCHEMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template policy.ru.md, line 2: unknown field 'nmae'");
    }

    @Test
    void aFieldOfAListItemIsUnknownOutsideTheList() {
        assertThatThrownBy(() -> Template.compile("t", "{{name}}", SCHEMA))
                .hasMessageContaining("unknown field 'name'");
    }

    @Test
    void aListUsedAsATextIsRefused() {
        assertThatThrownBy(() -> Template.compile("t", "{{items}}", SCHEMA))
                .hasMessageContaining("field 'items' is a list: use it as a section");
    }

    @Test
    void unbalancedSectionsAreRefused() {
        assertThatThrownBy(() -> Template.compile("t", "{{#items}}x", SCHEMA)).hasMessageContaining("section 'items' is never closed");
        assertThatThrownBy(() -> Template.compile("t", "{{#items}}x{{/on}}", SCHEMA)).hasMessageContaining("{{/on}} closes no open section");
        assertThatThrownBy(() -> Template.compile("t", "x {{title", SCHEMA)).hasMessageContaining("unclosed tag");
        assertThatThrownBy(() -> Template.compile("t", "{{ti tle}}", SCHEMA)).hasMessageContaining("malformed tag");
    }

    @Test
    void aTemplateWithScriptIsRefused() {
        for (String bad : List.of("<script>alert(1)</script>", "<a href=\"javascript:x\">", "<p onclick=\"x\">", "<IFRAME src=x>")) {
            assertThatThrownBy(() -> Template.compile("t", bad + "{{title}}", SCHEMA))
                    .as(bad).hasMessageContaining("contains script or active content");
        }
        // plain words that merely look like a handler outside a tag are fine
        assertThat(Template.compile("t", "<p>Pick one = the best</p>{{title}}", SCHEMA).render(model(null, false), Format.HTML))
                .isEqualTo("<p>Pick one = the best</p>T");
    }

    @Test
    void valuesAreEscapedForTheFormat() {
        Template t = Template.compile("t", "{{title}}|{{note}}", new Schema().text("title", "note"));
        Model m = new Model(new Schema().text("title", "note")).text("title", "<b>\"x\" & 'y'</b>").text("note", "# *a* [l](u)\n- b");

        assertThat(t.render(m, Format.HTML)).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|# *a* [l](u)\n- b");
        assertThat(t.render(m, Format.MARKDOWN))
                .isEqualTo("&lt;b&gt;\"x\" &amp; 'y'&lt;/b&gt;|\\# \\*a\\* \\[l\\](u) - b");
    }
}
