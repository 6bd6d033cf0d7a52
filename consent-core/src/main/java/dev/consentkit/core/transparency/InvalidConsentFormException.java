package dev.consentkit.core.transparency;

import dev.consentkit.core.ConsentException;
import java.util.List;
import java.util.stream.Collectors;

/** A consent form misses a required element, bundles purposes or is pre-ticked (M5, M8). */
public final class InvalidConsentFormException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final transient List<FormProblem> problems;

    /**
     * @param problems what is wrong, at least one
     */
    public InvalidConsentFormException(List<FormProblem> problems) {
        super("invalid consent form: " + problems.stream().map(FormProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<FormProblem> problems() {
        return problems;
    }
}
