package dev.consentkit.core.compliance;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One problem a {@link ComplianceCheck} found, explained: what is wrong, which requirement it touches
 * (the ids of the project's REQUIREMENTS.md, e.g. {@code R-GDPR-3}, {@code M22}) and how to fix it.
 * Names purposes, categories, key groups and counts - never a subject or a personal value.
 *
 * @param check the id of the check that found it
 * @param requirements the requirement ids it relates to, at least one
 * @param severity how urgent it is
 * @param target what it is about, e.g. {@code purpose newsletter}
 * @param problem what is wrong, in a sentence or two
 * @param fix what to do about it
 */
public record Finding(String check, List<String> requirements, Severity severity, String target, String problem,
                      String fix) {
    private static final Pattern CHECK = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern REQUIREMENT = Pattern.compile("M[0-9]{1,2}|R-(GDPR|RU)-[0-9]{1,2}");

    /**
     * @throws IllegalArgumentException if the check id is not a dotted lower-case code, a requirement
     *                                  id is malformed or missing, or a text is blank
     */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        if (!CHECK.matcher(check).matches()) {
            throw new IllegalArgumentException("check id must be a dotted lower-case code");
        }
        requirements = List.copyOf(requirements);
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException("finding of " + check + " names no requirement");
        }
        for (String r : requirements) {
            if (!REQUIREMENT.matcher(r).matches()) {
                throw new IllegalArgumentException("finding of " + check + " names malformed requirement id '" + r + "'");
            }
        }
        text(check, "target", target);
        text(check, "problem", problem);
        text(check, "fix", fix);
    }

    private static void text(String check, String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("finding of " + check + " has a blank " + name);
        }
    }
}
