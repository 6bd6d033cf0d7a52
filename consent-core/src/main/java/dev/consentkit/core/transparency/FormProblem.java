package dev.consentkit.core.transparency;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a consent form is refused.
 *
 * @param code what is wrong
 * @param element the missing element, for {@link Code#MISSING_ELEMENT}
 * @param message the explanation, naming the purpose, language and element
 */
public record FormProblem(Code code, Optional<FormElement> element, String message) {
    /** What can be wrong with a consent form (M5, M8). */
    public enum Code {
        /** A required element is absent or not in the text shown. */
        MISSING_ELEMENT,
        /** The form asks consent for more than one purpose, or has more than one checkbox. */
        BUNDLED_PURPOSES,
        /** A checkbox is ticked before the client acts. */
        PRE_TICKED,
        /** A checkbox form has no checkbox: consent needs an affirmative act. */
        NO_AFFIRMATIVE_ACT
    }

    /** Checks for nulls. */
    public FormProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(message, "message");
    }
}
