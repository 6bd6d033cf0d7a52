package dev.consentkit.core.register;

import dev.consentkit.core.ConsentException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The register of processing lacks mandatory fields and cannot be exported; the message names every
 * missing field with its purpose and provision.
 */
public class IncompleteRegisterException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final transient List<RegisterProblem> problems;

    /**
     * @param problems what is missing; not empty
     */
    public IncompleteRegisterException(List<RegisterProblem> problems) {
        super("the register of processing is incomplete: " + problems.stream().map(RegisterProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every missing field */
    public List<RegisterProblem> problems() {
        return problems;
    }
}
