package dev.consentkit.core.hold;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LegalHold} covers: one subject, one purpose, one data category, or a combination
 * (every part present must match). A hold on a subject alone covers everything of that subject; a
 * hold on a purpose or category alone covers that data of every subject (litigation about all
 * invoices of 2024).
 *
 * <pre>{@code
 * HoldScope.forSubject(client)                                       // all of one client's data
 * HoldScope.forSubject(client).andCategory(CategoryId.of("billing"))  // one client's billing data
 * HoldScope.forPurpose(PurposeId.of("invoicing"))                    // every client's invoicing data
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the subject, if the hold is limited to one
 * @param purpose the purpose, if the hold is limited to one
 * @param category the data category id, if the hold is limited to one
 */
public record HoldScope(Optional<SubjectId> subject, Optional<PurposeId> purpose, Optional<CategoryId> category) {
    /**
     * @throws IllegalArgumentException if no part is present
     */
    public HoldScope {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        if (subject.isEmpty() && purpose.isEmpty() && category.isEmpty()) {
            throw new IllegalArgumentException("a legal hold names a subject, a purpose or a data category");
        }
    }

    /**
     * @param subject the subject
     * @return a scope covering everything of that subject
     */
    public static HoldScope forSubject(SubjectId subject) {
        return new HoldScope(Optional.of(Objects.requireNonNull(subject, "subject")), Optional.empty(), Optional.empty());
    }

    /**
     * @param purpose the purpose
     * @return a scope covering that purpose's data of every subject
     */
    public static HoldScope forPurpose(PurposeId purpose) {
        return new HoldScope(Optional.empty(), Optional.of(Objects.requireNonNull(purpose, "purpose")), Optional.empty());
    }

    /**
     * @param category a data category id of the catalogue
     * @return a scope covering that category of every subject
     */
    public static HoldScope forCategory(CategoryId category) {
        return new HoldScope(Optional.empty(), Optional.empty(), Optional.of(Objects.requireNonNull(category, "category")));
    }

    /**
     * @param purpose the purpose
     * @return this scope narrowed to the purpose
     */
    public HoldScope andPurpose(PurposeId purpose) {
        return new HoldScope(subject, Optional.of(Objects.requireNonNull(purpose, "purpose")), category);
    }

    /**
     * @param category a data category id
     * @return this scope narrowed to the category
     */
    public HoldScope andCategory(CategoryId category) {
        return new HoldScope(subject, purpose, Optional.of(Objects.requireNonNull(category, "category")));
    }

    /** @return whether the scope covers every piece of data of its subject (a subject and nothing else) */
    public boolean isWholeSubject() {
        return subject.isPresent() && purpose.isEmpty() && category.isEmpty();
    }

    /**
     * @param s a subject
     * @return whether the scope can cover data of that subject (it names it, or no subject)
     */
    public boolean appliesTo(SubjectId s) {
        Objects.requireNonNull(s, "subject");
        return subject.map(s::equals).orElse(true);
    }

    /**
     * @param s a subject
     * @param p a purpose the data is processed for
     * @param c the data's category id
     * @return whether the scope covers that data
     */
    public boolean covers(SubjectId s, PurposeId p, CategoryId c) {
        Objects.requireNonNull(p, "purpose");
        Objects.requireNonNull(c, "category");
        return appliesTo(s) && purpose.map(p::equals).orElse(true) && category.map(c::equals).orElse(true);
    }

    /**
     * @param s a subject
     * @param c a data category id
     * @return whether the scope covers that category of the subject whatever the purpose (no purpose named)
     */
    public boolean coversCategory(SubjectId s, CategoryId c) {
        Objects.requireNonNull(c, "category");
        return appliesTo(s) && purpose.isEmpty() && category.map(c::equals).orElse(true);
    }

    @Override
    public String toString() {
        return "HoldScope[" + (subject.isPresent() ? "subject " : "") + purpose.map(p -> "purpose " + p + " ").orElse("")
                + category.map(c -> "category " + c).orElse("") + "]";
    }
}
