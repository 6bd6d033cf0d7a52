package dev.consentkit.core.register;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The subjects a breach affects, as far as the stores and the host know them, and whether they must
 * be told (GDPR Art. 34).
 *
 * @param breach the breach
 * @param purposes the purposes searched, in id order: those the breach names and those processing an
 *                 affected category
 * @param subjects the affected subjects, in id order, each once
 * @param noticeRequired whether the subjects must be told: the risk is high and no exemption applies
 * @param basis why they must or need not be told, citing the article
 */
public record AffectedSubjects(BreachId breach, Set<PurposeId> purposes, List<SubjectId> subjects,
                               boolean noticeRequired, String basis) {
    /** Copies the collections, sorting the purposes. */
    public AffectedSubjects {
        Objects.requireNonNull(breach, "breach");
        java.util.TreeSet<PurposeId> sorted = new java.util.TreeSet<>(java.util.Comparator.comparing(PurposeId::value));
        sorted.addAll(purposes);
        purposes = java.util.Collections.unmodifiableSortedSet(sorted);
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(basis, "basis");
    }

    @Override
    public String toString() {
        return "AffectedSubjects[" + breach + ", " + subjects.size() + " subjects, notice "
                + (noticeRequired ? "required" : "not required") + "]";
    }
}
