package dev.consentkit.core.rights;

import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a contributor may erase: per data category of the catalogue, erase or keep with a reason. A
 * category no purpose declares may be erased. Immutable and thread-safe.
 */
public final class ErasureContext {
    private final SubjectId subject;
    private final Actor actor;
    private final Instant at;
    private final Map<CategoryId, KeepReason> kept;

    /**
     * @param subject whose data
     * @param actor who erases
     * @param at when the erasure runs
     * @param kept the categories kept, with their reasons; every other category may be erased
     */
    public ErasureContext(SubjectId subject, Actor actor, Instant at, Map<CategoryId, KeepReason> kept) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.at = Objects.requireNonNull(at, "at");
        this.kept = Map.copyOf(kept);
    }

    /** @return whose data */
    public SubjectId subject() {
        return subject;
    }

    /** @return who erases */
    public Actor actor() {
        return actor;
    }

    /** @return when the erasure runs */
    public Instant at() {
        return at;
    }

    /**
     * @param category a data category id
     * @return whether data of that category may be erased now
     */
    public boolean mayErase(CategoryId category) {
        return !kept.containsKey(Objects.requireNonNull(category, "category"));
    }

    /**
     * @param category a data category id
     * @return why that category is kept, if it is
     */
    public Optional<KeepReason> keptBecause(CategoryId category) {
        return Optional.ofNullable(kept.get(Objects.requireNonNull(category, "category")));
    }

    /** @return every kept category with its reason */
    public Map<CategoryId, KeepReason> kept() {
        return kept;
    }

    @Override
    public String toString() {
        return "ErasureContext[kept " + kept.keySet() + "]";
    }
}
