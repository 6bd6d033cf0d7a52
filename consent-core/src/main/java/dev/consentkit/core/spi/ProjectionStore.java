package dev.consentkit.core.spi;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The current state of every consent scope, kept equal to a replay of the ledger
 * ({@link dev.consentkit.core.consent.ConsentProjector}).
 */
public interface ProjectionStore {
    /**
     * All states of one subject and purpose (the whole-purpose scope and every narrower one): what a
     * single check reads, in one indexed lookup.
     *
     * @param subject the subject
     * @param purpose the purpose
     * @return the states, in no particular order; empty if none
     */
    List<ConsentState> find(SubjectId subject, PurposeId purpose);

    /**
     * The set-based form of {@link #find} for many subjects at once.
     *
     * @param subjects the subjects
     * @param purpose the purpose
     * @return states per subject; subjects with none are absent
     */
    Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose);

    /**
     * Inserts or replaces the state of its scope.
     *
     * @param state the new state
     */
    void put(ConsentState state);

    /**
     * Streams every state of a purpose (audience queries, sweeps), the states of one subject one
     * after another (a JDBC store orders by subject).
     *
     * @param purpose the purpose
     * @param sink receives each state; must not call back into the store
     */
    void forPurpose(PurposeId purpose, Consumer<ConsentState> sink);

    /**
     * Streams every state.
     *
     * @param sink receives each state; must not call back into the store
     */
    void forEach(Consumer<ConsentState> sink);
}
