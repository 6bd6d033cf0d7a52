package dev.consentkit.core.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of a compliance self-check: which checks ran and what they found. An empty findings list
 * means every check passed. {@link #toMarkdown()} renders it for people; {@code ComplianceJson} writes
 * it as JSON.
 *
 * @param generatedAt when it was made (the kit's clock)
 * @param checks ids of the checks that ran, in order
 * @param findings what they found, in the order of the checks
 */
public record ComplianceReport(Instant generatedAt, List<String> checks, List<Finding> findings) {
    /** Checks for nulls and copies the lists. */
    public ComplianceReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** @return whether nothing was found */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * @param check a check id
     * @return the findings of that check
     */
    public List<Finding> findingsOf(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    /** @return the report as Markdown, ending with a newline */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Compliance report\n\n");
        md.append("Generated ").append(generatedAt).append(": ").append(checks.size()).append(" checks, ")
                .append(findings.size()).append(findings.size() == 1 ? " finding.\n\n" : " findings.\n\n");
        if (findings.isEmpty()) {
            md.append("No findings: every check passed.\n\n");
        }
        int n = 0;
        for (Finding f : findings) {
            md.append("## ").append(++n).append(". ").append(f.severity()).append(": ").append(f.target())
                    .append("\n\n");
            md.append("- Check: `").append(f.check()).append("`\n");
            md.append("- Requirements: ").append(String.join(", ", f.requirements())).append("\n");
            md.append("- Problem: ").append(f.problem()).append("\n");
            md.append("- Fix: ").append(f.fix()).append("\n\n");
        }
        md.append("## Checks run\n\n");
        for (String c : checks) {
            md.append("- `").append(c).append("`\n");
        }
        return md.toString();
    }
}
