package dev.consentkit.core.rights;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentHistory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything held about one subject, for an access (GDPR Art. 15; 152-FZ Art. 14) or portability
 * (Art. 20) request: the consent history from the ledger, the subject's requests, and each contributor's sections with
 * protected fields opened. {@code ConsentJson.writeExport} writes it as JSON that validates against
 * the schema {@code ConsentJson.exportSchema()} returns. {@link #toString()} shows no values.
 *
 * @param id the export's id, also the reference of its audit record
 * @param subject the subject
 * @param subjectRef the subject's pseudonymous reference, as in audit records
 * @param generatedAt when it was made
 * @param history the subject's consent events, in ledger order
 * @param requests the subject's data-subject requests and their steps, oldest first
 * @param sections the contributors' sections, in registration order
 */
public record SubjectExport(UUID id, SubjectId subject, KeyedHash subjectRef, Instant generatedAt,
                            ConsentHistory history, List<SubjectRequest> requests, List<ExportSection> sections) {
    /**
     * @throws IllegalArgumentException if the history is of another subject
     */
    public SubjectExport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(history, "history");
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
        if (!history.subject().equals(subject)) {
            throw new IllegalArgumentException("the history of an export is its subject's");
        }
        for (SubjectRequest r : requests) {
            if (!r.subject().equals(subject)) {
                throw new IllegalArgumentException("the requests of an export are its subject's");
            }
        }
    }

    @Override
    public String toString() {
        return "SubjectExport[" + id + ", " + history.entries().size() + " events, " + requests.size() + " requests, " + sections.size() + " sections]";
    }
}
