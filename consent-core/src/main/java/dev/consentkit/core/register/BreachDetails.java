package dev.consentkit.core.register;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known about a breach: the facts, effects and remedial action GDPR Art. 33(5) asks to
 * document, and the content blocks the notifications need (GDPR Art. 33(3); 152-FZ Art. 21 part 3.1).
 * Information may come in phases: record what is known, then update it.
 *
 * <p>The free texts are stored in the breach register and sent to the authority; they never appear in
 * {@link #toString()}, exceptions, logs or audit events. Describe the incident without naming the
 * subjects. Immutable and thread-safe.
 *
 * @param description what happened (the nature of the breach); required
 * @param categories ids of the affected data categories of the catalogue
 * @param purposes ids of the affected purposes of the catalogue
 * @param approxSubjects approximate number of affected subjects, if known
 * @param approxRecords approximate number of affected records, if known
 * @param likelyConsequences likely consequences for the subjects (152-FZ: presumed harm)
 * @param measuresTaken measures taken or proposed, including mitigation
 * @param presumedCauses presumed causes (152-FZ Art. 21 part 3.1(1))
 * @param contactPoint the contact point (GDPR: DPO or other contact; 152-FZ: the person authorised to
 *                     deal with Roskomnadzor on the incident); no personal data beyond a work contact
 * @param investigationResults results of the internal investigation (152-FZ Art. 21 part 3.1(2))
 * @param causedBy what is known about who caused it, if anyone (152-FZ Art. 21 part 3.1(2))
 * @param risk the risk assessment
 * @param encryptedWithUncompromisedKeys whether all affected data was encrypted under keys that were
 *                                       not compromised (lifts the duty to tell subjects, GDPR Art. 34(3)(a))
 */
public record BreachDetails(String description, Set<CategoryId> categories, Set<PurposeId> purposes,
                            OptionalLong approxSubjects, OptionalLong approxRecords,
                            Optional<String> likelyConsequences, Optional<String> measuresTaken,
                            Optional<String> presumedCauses, Optional<String> contactPoint,
                            Optional<String> investigationResults, Optional<String> causedBy, BreachRisk risk,
                            boolean encryptedWithUncompromisedKeys) {
    /** Longest free text kept, in characters. */
    public static final int MAX_TEXT = 4000;

    /**
     * Copies the sets (iterating in id order) and checks every value.
     *
     * @throws IllegalArgumentException if a text is blank or longer than {@link #MAX_TEXT}, a number is
     *                                  negative
     */
    public BreachDetails {
        checkText(description, "description");
        categories = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(categories));
        TreeSet<PurposeId> sorted = new TreeSet<>(java.util.Comparator.comparing(PurposeId::value));
        sorted.addAll(purposes);
        purposes = java.util.Collections.unmodifiableSortedSet(sorted);
        Objects.requireNonNull(approxSubjects, "approxSubjects");
        Objects.requireNonNull(approxRecords, "approxRecords");
        if (approxSubjects.orElse(0) < 0 || approxRecords.orElse(0) < 0) {
            throw new IllegalArgumentException("approximate numbers of subjects and records must not be negative");
        }
        likelyConsequences.ifPresent(t -> checkText(t, "likely consequences"));
        measuresTaken.ifPresent(t -> checkText(t, "measures taken"));
        presumedCauses.ifPresent(t -> checkText(t, "presumed causes"));
        contactPoint.ifPresent(t -> checkText(t, "contact point"));
        investigationResults.ifPresent(t -> checkText(t, "investigation results"));
        causedBy.ifPresent(t -> checkText(t, "caused by"));
        Objects.requireNonNull(risk, "risk");
    }

    static void checkText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_TEXT + " characters");
        }
    }

    /**
     * @param description what happened
     * @return a builder; risk defaults to {@link BreachRisk#RISK}
     */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** @return a builder holding these details, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder(description);
        b.categories.addAll(categories);
        b.purposes.addAll(purposes);
        b.approxSubjects = approxSubjects;
        b.approxRecords = approxRecords;
        b.likelyConsequences = likelyConsequences;
        b.measuresTaken = measuresTaken;
        b.presumedCauses = presumedCauses;
        b.contactPoint = contactPoint;
        b.investigationResults = investigationResults;
        b.causedBy = causedBy;
        b.risk = risk;
        b.encrypted = encryptedWithUncompromisedKeys;
        return b;
    }

    @Override
    public String toString() {
        return "BreachDetails[" + categories.size() + " categories, " + purposes.size() + " purposes, risk " + risk
                + "]";
    }

    /** Builds {@link BreachDetails}. Not thread-safe. */
    public static final class Builder {
        private String description;
        private final Set<CategoryId> categories = new TreeSet<>();
        private final Set<PurposeId> purposes = new TreeSet<>(java.util.Comparator.comparing(PurposeId::value));
        private OptionalLong approxSubjects = OptionalLong.empty();
        private OptionalLong approxRecords = OptionalLong.empty();
        private Optional<String> likelyConsequences = Optional.empty();
        private Optional<String> measuresTaken = Optional.empty();
        private Optional<String> presumedCauses = Optional.empty();
        private Optional<String> contactPoint = Optional.empty();
        private Optional<String> investigationResults = Optional.empty();
        private Optional<String> causedBy = Optional.empty();
        private BreachRisk risk = BreachRisk.RISK;
        private boolean encrypted;

        private Builder(String description) {
            this.description = Objects.requireNonNull(description, "description");
        }

        /** @param text what happened @return this builder */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /** @param ids affected data category ids @return this builder */
        public Builder categories(CategoryId... ids) {
            for (CategoryId id : ids) {
                categories.add(Objects.requireNonNull(id, "category"));
            }
            return this;
        }

        /** @param ids affected purposes @return this builder */
        public Builder purposes(PurposeId... ids) {
            for (PurposeId id : ids) {
                purposes.add(Objects.requireNonNull(id, "purpose"));
            }
            return this;
        }

        /**
         * @param subjects approximate number of affected subjects
         * @param records approximate number of affected records
         * @return this builder
         */
        public Builder approximately(long subjects, long records) {
            this.approxSubjects = OptionalLong.of(subjects);
            this.approxRecords = OptionalLong.of(records);
            return this;
        }

        /** @param text likely consequences @return this builder */
        public Builder likelyConsequences(String text) {
            this.likelyConsequences = Optional.of(text);
            return this;
        }

        /** @param text measures taken or proposed @return this builder */
        public Builder measuresTaken(String text) {
            this.measuresTaken = Optional.of(text);
            return this;
        }

        /** @param text presumed causes @return this builder */
        public Builder presumedCauses(String text) {
            this.presumedCauses = Optional.of(text);
            return this;
        }

        /** @param text the contact point for the authority @return this builder */
        public Builder contactPoint(String text) {
            this.contactPoint = Optional.of(text);
            return this;
        }

        /** @param text results of the internal investigation @return this builder */
        public Builder investigationResults(String text) {
            this.investigationResults = Optional.of(text);
            return this;
        }

        /** @param text what is known about who caused it @return this builder */
        public Builder causedBy(String text) {
            this.causedBy = Optional.of(text);
            return this;
        }

        /** @param assessed the risk assessment @return this builder */
        public Builder risk(BreachRisk assessed) {
            this.risk = Objects.requireNonNull(assessed, "risk");
            return this;
        }

        /**
         * @param value whether all affected data was encrypted under keys not compromised
         * @return this builder
         */
        public Builder encryptedWithUncompromisedKeys(boolean value) {
            this.encrypted = value;
            return this;
        }

        /**
         * @return the details
         * @throws IllegalArgumentException if a value is out of range (see {@link BreachDetails})
         */
        public BreachDetails build() {
            return new BreachDetails(description, categories, purposes, approxSubjects, approxRecords,
                    likelyConsequences, measuresTaken, presumedCauses, contactPoint, investigationResults, causedBy,
                    risk, encrypted);
        }
    }
}
