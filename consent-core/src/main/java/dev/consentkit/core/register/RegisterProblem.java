package dev.consentkit.core.register;

import dev.consentkit.core.PurposeId;
import java.util.Objects;

/**
 * A mandatory field of the register of processing that a purpose's row lacks.
 *
 * @param purpose the purpose whose row it is
 * @param field the column, as in {@link ProcessingRecord#COLUMNS}
 * @param requirement the provision that asks for it, e.g. {@code "GDPR Art. 30(1)(c)"}
 * @param problem what is wrong, naming no personal data
 */
public record RegisterProblem(PurposeId purpose, String field, String requirement, String problem) {
    /** Checks for nulls. */
    public RegisterProblem {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return "purpose " + purpose + ": " + field + " (" + requirement + "): " + problem;
    }
}
