package dev.consentkit.core.json;

import dev.consentkit.core.ConsentException;
import java.util.Objects;

/**
 * JSON that {@link ConsentJson} was asked to read is malformed, lacks a required field, or holds a
 * field of the wrong type or form.
 *
 * <p>The message names the field by its path ({@code $.consentKit.notice.textSha256},
 * {@code $.entries[2].evidence}) and what was expected, never the value found: the input may hold
 * personal data. For the same reason no parser exception is attached as the cause.
 */
public final class ConsentJsonException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    ConsentJsonException(String path, String problem) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"));
        this.path = path;
    }

    /** @return the path of the offending field, e.g. {@code $.entries[0].kind}; {@code $} for the document */
    public String path() {
        return path;
    }
}
