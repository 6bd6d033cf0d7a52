package dev.consentkit.core.spi;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current state of every consent scope, kept equal to a replay of the ledger
 * ({@link dev.consentkit.core.consent.ConsentProjector}), and the row locks that serialise writers of a
 * subject's scopes.
 */
public interface ProjectionStore {
    /**
     * Locks each of {@code locks}, in {@link SubjectLock#ORDER}, creating its row on first use, until the
     * end of the unit's transaction — the host's, when the unit joined one. The only locks ConsentKit
     * holds across a host's work: writers of the same subject and purpose serialise, writers of different
     * subjects never wait for each other. A lock already held by this unit is not taken again; a store
     * whose units of work already run one at a time (the in-memory one) takes nothing.
     *
     * @param locks the locks
     * @throws IllegalStateException if the unit is read-only
     * @throws dev.consentkit.core.ConcurrentUpdateException if the database chose this unit as the
     *         victim of a deadlock or a serialization failure
     */
    void lock(Collection<SubjectLock> locks);

    /**
     * All states of the subjects for a purpose (the whole-purpose scope and every narrower one): what a
     * check reads (one subject) and a bulk check reads (many), in indexed lookups.
     *
     * @param subjects the subjects
     * @param purpose the purpose
     * @return states per subject, in no particular order; subjects with none are absent
     */
    Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose);

    /**
     * Inserts or replaces the state of its scope.
     *
     * @param state the new state
     * @throws IllegalStateException if the unit is read-only
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
     * Raw rows, as stored and never validated, for verifying the projection against the ledger.
     *
     * @param subjects stored subject ids
     * @return their projection rows
     */
    List<StoredProjectionRow> rowsOf(Collection<String> subjects);

    /**
     * @param after the subject to continue after, empty for the start
     * @param limit at most this many, positive
     * @return distinct subjects that have projection rows and no ledger row, in the store's order
     */
    List<String> orphans(Optional<String> after, int limit);
}
