package dev.consentkit.core.register;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RiskAssessment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the register of processing activities (GDPR Art. 30(1); 152-FZ Art. 18.1 part 1 and
 * Art. 22 part 3): everything declared about one purpose, as {@link ProcessingRegister} derives it
 * from the catalogue, the access policy and the protection configuration.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose the purpose's id
 * @param name the purpose's name (Art. 30(1)(b))
 * @param description what the purpose is, in plain words
 * @param controller the controller's name and contact details (Art. 30(1)(a))
 * @param basis the legal basis
 * @param subjectCategories the categories of data subjects (Art. 30(1)(c))
 * @param dataCategories the categories of personal data, special categories marked (Art. 30(1)(c))
 * @param recipients who receives the data, with country and agreement reference (Art. 30(1)(d))
 * @param transfers the recipients in third countries, as "recipient: country" (Art. 30(1)(e))
 * @param retention the erasure time limit, or "not possible: reason"; empty if missing (Art. 30(1)(f))
 * @param accessRoles the roles with access and what each may do (from the access policy)
 * @param securityMeasures the security measures, or "not possible: reason"; empty if missing (Art. 30(1)(g))
 * @param risk the host's risk assessment, if made
 */
public record ProcessingRecord(PurposeId purpose, String name, String description, String controller,
                               LegalBasis basis, List<String> subjectCategories, List<String> dataCategories,
                               List<Recipient> recipients, List<String> transfers, Optional<String> retention,
                               List<String> accessRoles, List<String> securityMeasures,
                               Optional<RiskAssessment> risk) {
    /** The columns of the CSV export, the rows of a Markdown section and the fields of a diff, in order. */
    public static final List<String> COLUMNS = List.of("purpose", "name", "description", "controller", "legal basis",
            "categories of subjects", "categories of data", "recipients", "transfers", "retention",
            "roles with access", "security measures", "risk");

    /** Copies the lists and checks for nulls. */
    public ProcessingRecord {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(basis, "basis");
        subjectCategories = List.copyOf(subjectCategories);
        dataCategories = List.copyOf(dataCategories);
        recipients = List.copyOf(recipients);
        transfers = List.copyOf(transfers);
        Objects.requireNonNull(retention, "retention");
        accessRoles = List.copyOf(accessRoles);
        securityMeasures = List.copyOf(securityMeasures);
        Objects.requireNonNull(risk, "risk");
    }

    /**
     * Checks the mandatory fields of GDPR Art. 30(1)(a)-(g): (a)-(e) must be filled, (f) and (g) filled
     * or declared "not possible: reason"; every processor needs the reference of its Art. 28(3)
     * agreement, and every recipient a country, so transfers can be told.
     *
     * @return the missing fields, empty if the row is complete
     */
    public List<RegisterProblem> problems() {
        List<RegisterProblem> problems = new ArrayList<>();
        if (controller.isBlank()) {
            problems.add(problem("controller", "GDPR Art. 30(1)(a)", "the controller's name and contact are missing"));
        }
        if (name.isBlank() || description.isBlank()) {
            problems.add(problem("name", "GDPR Art. 30(1)(b)", "the purpose has no name or description"));
        }
        if (subjectCategories.isEmpty()) {
            problems.add(problem("categories of subjects", "GDPR Art. 30(1)(c)",
                    "no category of data subjects is declared"));
        }
        if (dataCategories.isEmpty()) {
            problems.add(problem("categories of data", "GDPR Art. 30(1)(c)", "no category of personal data is declared"));
        }
        for (Recipient r : recipients) {
            if (r.role() == Recipient.Role.PROCESSOR && r.agreement().isEmpty()) {
                problems.add(problem("recipients", "GDPR Art. 30(1)(d), Art. 28(3)",
                        "processor '" + r.name() + "' has no agreement reference"));
            }
            if (r.country().isEmpty()) {
                problems.add(problem("transfers", "GDPR Art. 30(1)(e)",
                        "recipient '" + r.name() + "' declares no country, so a transfer cannot be told"));
            }
        }
        if (retention.isEmpty()) {
            problems.add(problem("retention", "GDPR Art. 30(1)(f)",
                    "no erasure time limit and no \"not possible: reason\" declared"));
        }
        if (securityMeasures.isEmpty()) {
            problems.add(problem("security measures", "GDPR Art. 30(1)(g)",
                    "no security measure and no \"not possible: reason\" declared"));
        }
        return List.copyOf(problems);
    }

    private RegisterProblem problem(String field, String requirement, String text) {
        return new RegisterProblem(purpose, field, requirement, text);
    }

    /**
     * @return every column of {@link #COLUMNS} rendered as text, lists joined with {@code "; "}; an
     *         absent value is {@code ""} (for the register's exports and diffs)
     */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        items().forEach((column, values) -> f.put(column, String.join("; ", values)));
        return f;
    }

    /** @return every column as its list of rendered items; an absent value is an empty list */
    Map<String, List<String>> items() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("purpose", List.of(purpose.value()));
        f.put("name", List.of(name));
        f.put("description", List.of(description));
        f.put("controller", List.of(controller));
        f.put("legal basis", List.of(basis.name() + " (" + basis.dpvTerm() + ")"));
        f.put("categories of subjects", subjectCategories);
        f.put("categories of data", dataCategories);
        f.put("recipients", recipients.isEmpty() ? List.of("none")
                : recipients.stream().map(ProcessingRecord::recipient).toList());
        f.put("transfers", transfers.isEmpty() ? List.of("none") : transfers);
        f.put("retention", retention.map(List::of).orElse(List.of()));
        f.put("roles with access", accessRoles.isEmpty() ? List.of("not declared") : accessRoles);
        f.put("security measures", securityMeasures);
        f.put("risk", List.of(risk.map(ProcessingRecord::risk).orElse("not assessed")));
        return f;
    }

    static String recipient(Recipient r) {
        return r.name() + " (" + r.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", "
                + r.country().orElse("country not declared") + ", "
                + r.agreement().map(a -> "agreement " + a).orElse("no agreement reference") + ")";
    }

    static String risk(RiskAssessment r) {
        return "likelihood " + r.likelihood().name().toLowerCase(java.util.Locale.ROOT) + ", severity "
                + r.severity().name().toLowerCase(java.util.Locale.ROOT)
                + (r.mitigations().isEmpty() ? "" : "; mitigations: " + String.join(", ", r.mitigations()));
    }

    @Override
    public String toString() {
        return "ProcessingRecord[" + purpose + ", " + basis + "]";
    }
}
