package dev.consentkit.core.transparency;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a consent form that is not granular, not affirmative or incomplete (M5, M8, R-RU-3, R-RU-4):
 * more than one purpose or checkbox, a checkbox ticked in advance, a checkbox form without a
 * checkbox, or a required {@link FormElement} that is missing or does not appear in the text shown.
 * Checkboxes are found in the text itself ({@code - [ ]} / {@code - [x]} in Markdown,
 * {@code <input type="checkbox">} in HTML), so a host template cannot slip a ticked box past it.
 */
public final class ConsentFormValidator {
    private static final Set<FormElement> CHECKBOX = EnumSet.of(FormElement.OPERATOR, FormElement.PURPOSE,
            FormElement.DATA, FormElement.VALIDITY, FormElement.WITHDRAWAL, FormElement.POLICY_LINK);
    private static final Pattern MD_BOX = Pattern.compile("(?m)^\\s*(?:[-*+]|\\d+[.)])\\s+\\[([ xX])\\]");
    private static final Pattern HTML_BOX = Pattern.compile(
            "<input\\b[^>]*\\btype\\s*=\\s*[\"']?checkbox[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHECKED = Pattern.compile("\\bchecked\\b", Pattern.CASE_INSENSITIVE);

    private ConsentFormValidator() {
    }

    /**
     * @param variant a form variant
     * @return the elements a form of that variant must carry
     */
    public static Set<FormElement> required(ConsentForm.Variant variant) {
        return variant == ConsentForm.Variant.WRITTEN ? EnumSet.allOf(FormElement.class) : EnumSet.copyOf(CHECKBOX);
    }

    /**
     * @param form a form
     * @return every problem, empty if the form is valid
     */
    public static List<FormProblem> problems(ConsentForm form) {
        List<FormProblem> problems = new ArrayList<>();
        String where = "consent form for " + form.purposes() + " (" + form.locale().toLanguageTag() + ", "
                + form.format() + ")";
        if (form.purposes().size() != 1) {
            problems.add(new FormProblem(FormProblem.Code.BUNDLED_PURPOSES, Optional.empty(), where
                    + " must ask consent for exactly one purpose, not " + form.purposes().size()));
        }
        int boxes = 0;
        boolean ticked = false;
        if (form.format() == Format.MARKDOWN) {
            Matcher m = MD_BOX.matcher(form.text());
            while (m.find()) {
                boxes++;
                ticked |= !m.group(1).equals(" ");
            }
        } else {
            Matcher m = HTML_BOX.matcher(form.text());
            while (m.find()) {
                boxes++;
                ticked |= CHECKED.matcher(m.group()).find();
            }
        }
        if (ticked) {
            problems.add(new FormProblem(FormProblem.Code.PRE_TICKED, Optional.empty(),
                    where + " has a checkbox ticked in advance: the client must tick it"));
        }
        if (boxes > 1) {
            problems.add(new FormProblem(FormProblem.Code.BUNDLED_PURPOSES, Optional.empty(),
                    where + " has " + boxes + " checkboxes: one form, one purpose, one checkbox"));
        }
        if (boxes == 0 && form.variant() == ConsentForm.Variant.CHECKBOX) {
            problems.add(new FormProblem(FormProblem.Code.NO_AFFIRMATIVE_ACT, Optional.empty(),
                    where + " has no checkbox for the client to tick"));
        }
        for (FormElement e : required(form.variant())) {
            String value = form.elements().get(e);
            if (value == null || value.isBlank()) {
                problems.add(missing(where, e, "is absent"));
            } else if (!form.text().contains(form.format().escape(value))) {
                problems.add(missing(where, e, "is not in the text shown"));
            }
        }
        return problems;
    }

    /**
     * @param form a form
     * @return the form, if valid
     * @throws InvalidConsentFormException naming every problem
     */
    public static ConsentForm check(ConsentForm form) {
        List<FormProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new InvalidConsentFormException(problems);
        }
        return form;
    }

    private static FormProblem missing(String where, FormElement e, String how) {
        return new FormProblem(FormProblem.Code.MISSING_ELEMENT, Optional.of(e),
                where + ": element " + e + " (" + e.source() + ") " + how);
    }
}
