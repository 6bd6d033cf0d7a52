package dev.consentkit.core.transparency;

import static dev.consentkit.core.transparency.Docs.NEWSLETTER;
import static dev.consentkit.core.transparency.Docs.PORTFOLIO;
import static dev.consentkit.core.transparency.Docs.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * M5 (granular, affirmative, no pre-tick) and M8 / R-RU-4 (152-FZ Art. 9 part 4: every element of a
 * written consent), as table tests over real rendered forms.
 */
class ConsentFormValidatorTest {
    private static final Transparency DOCS = Docs.full();

    static Stream<Arguments> writtenElements() {
        return Stream.of(Format.values()).flatMap(f -> Stream.of(FormElement.values()).map(e -> Arguments.of(f, e)));
    }

    @ParameterizedTest(name = "M8: written consent ({0}) without {1} is refused, naming it")
    @MethodSource("writtenElements")
    void m8WrittenConsentMissingAnElementIsRefusedNamingIt(Format format, FormElement element) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, format, ConsentForm.Variant.WRITTEN);
        assertThat(ConsentFormValidator.problems(form)).isEmpty();

        // the element is gone from what the form declares ...
        Map<FormElement, String> declared = new EnumMap<>(form.elements());
        declared.remove(element);
        ConsentForm undeclared = new ConsentForm(form.purposes(), form.variant(), form.locale(), form.format(), form.text(), declared);
        // ... or from the text shown (a host template that dropped it)
        String escaped = format.escape(form.elements().get(element));
        ConsentForm unshown = new ConsentForm(form.purposes(), form.variant(), form.locale(), form.format(),
                form.text().replace(escaped, ""), form.elements());

        for (ConsentForm bad : List.of(undeclared, unshown)) {
            assertThat(ConsentFormValidator.problems(bad))
                    .extracting(FormProblem::code, FormProblem::element)
                    .contains(org.assertj.core.groups.Tuple.tuple(FormProblem.Code.MISSING_ELEMENT, Optional.of(element)));
            assertThatThrownBy(() -> ConsentFormValidator.check(bad))
                    .isInstanceOf(InvalidConsentFormException.class)
                    .hasMessageContaining("element " + element + " (" + element.source() + ")");
        }
    }

    @ParameterizedTest(name = "checkbox form requires {0}")
    @EnumSource(value = FormElement.class, names = {"OPERATOR", "PURPOSE", "DATA", "VALIDITY", "WITHDRAWAL", "POLICY_LINK"})
    void aCheckboxFormMissingAnElementIsRefused(FormElement element) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, Format.HTML);
        Map<FormElement, String> declared = new EnumMap<>(form.elements());
        declared.remove(element);

        assertThat(ConsentFormValidator.required(ConsentForm.Variant.CHECKBOX)).contains(element);
        assertThat(ConsentFormValidator.problems(new ConsentForm(form.purposes(), form.variant(), form.locale(), form.format(),
                form.text(), declared))).extracting(FormProblem::element).containsExactly(Optional.of(element));
    }

    @Test
    void theWrittenVariantRequiresEveryElementOfArticle9Part4() {
        assertThat(ConsentFormValidator.required(ConsentForm.Variant.WRITTEN)).containsExactlyInAnyOrder(FormElement.values());
        assertThat(Stream.of(FormElement.values()).filter(e -> e != FormElement.POLICY_LINK).map(FormElement::source))
                .allMatch(s -> s.startsWith("152-FZ Art. 9 part 4 item "));
    }

    @ParameterizedTest(name = "M5: pre-ticked {0} form is refused")
    @EnumSource(Format.class)
    void m5PreTickedIsRefused(Format format) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, format);
        String ticked = format == Format.MARKDOWN
                ? form.text().replace("- [ ]", "- [x]")
                : form.text().replace("type=\"checkbox\"", "type=\"checkbox\" checked");
        assertThat(ticked).isNotEqualTo(form.text());

        assertThat(codes(withText(form, ticked))).containsExactly(FormProblem.Code.PRE_TICKED);
    }

    @ParameterizedTest(name = "M5: two checkboxes in one {0} form are bundling")
    @EnumSource(Format.class)
    void m5TwoCheckboxesAreBundling(Format format) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, format);
        ConsentForm other = DOCS.consentForm(PORTFOLIO, RU, format);

        assertThat(codes(withText(form, form.text() + other.text()))).containsExactly(FormProblem.Code.BUNDLED_PURPOSES);
    }

    @Test
    void m5AFormForTwoPurposesIsBundling() {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, Format.MARKDOWN);
        ConsentForm bundled = new ConsentForm(List.of(NEWSLETTER, PORTFOLIO), form.variant(), form.locale(), form.format(),
                form.text(), form.elements());

        assertThat(codes(bundled)).containsExactly(FormProblem.Code.BUNDLED_PURPOSES);
        assertThatThrownBy(() -> ConsentFormValidator.check(bundled)).hasMessageContaining("exactly one purpose, not 2");
    }

    @ParameterizedTest(name = "M5: a {0} checkbox form without a checkbox is refused")
    @EnumSource(Format.class)
    void m5NoCheckboxIsRefused(Format format) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, RU, format);
        String text = format == Format.MARKDOWN ? form.text().replace("- [ ] ", "")
                : form.text().replaceAll("<input[^>]*>", "");

        assertThat(codes(withText(form, text))).containsExactly(FormProblem.Code.NO_AFFIRMATIVE_ACT);
    }

    @Test
    void aHostTemplateThatDropsAnElementFailsAtBuild() {
        String source = Templates.defaults().source(Templates.Kind.WRITTEN_CONSENT, RU, Format.MARKDOWN).orElseThrow()
                .replace("2. {{representativeLabel}}: ________________________________________\n", "");
        Templates templates = Templates.defaults().with(Templates.Kind.WRITTEN_CONSENT, RU, Format.MARKDOWN, source);

        assertThatThrownBy(() -> Docs.docs(Docs.catalog()).templates(templates).build())
                .isInstanceOf(InvalidConsentFormException.class)
                .hasMessageContaining("element REPRESENTATIVE (152-FZ Art. 9 part 4 item 2) is not in the text shown");
    }

    @Test
    void aHostTemplateThatPreTicksFailsAtBuild() {
        String source = Templates.defaults().source(Templates.Kind.CONSENT_FORM, Docs.EN, Format.HTML).orElseThrow()
                .replace("value=\"yes\"", "value=\"yes\" checked");
        Templates templates = Templates.defaults().with(Templates.Kind.CONSENT_FORM, Docs.EN, Format.HTML, source);

        assertThatThrownBy(() -> Docs.docs(Docs.catalog()).templates(templates).build())
                .isInstanceOf(InvalidConsentFormException.class)
                .hasMessageContaining("ticked in advance");
    }

    private static ConsentForm withText(ConsentForm form, String text) {
        return new ConsentForm(form.purposes(), form.variant(), form.locale(), form.format(), text, form.elements());
    }

    private static List<FormProblem.Code> codes(ConsentForm form) {
        return ConsentFormValidator.problems(form).stream().map(FormProblem::code).toList();
    }
}
