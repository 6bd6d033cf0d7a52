package dev.consentkit.core.spi;

import java.util.Collection;

/**
 * Row locks of subjects, held to the end of the unit of work's transaction — the host's, when the unit
 * joined one. The only locks ConsentKit holds across a host's work: writers of the same subject and
 * purpose serialise, writers of different subjects never wait for each other. A store whose units of
 * work already run one at a time (the in-memory one) takes nothing.
 */
public interface SubjectLocks {
    /**
     * Locks each of {@code locks}, in {@link SubjectLock#ORDER}, creating its row on first use. A lock
     * already held by this unit is not taken again.
     *
     * @param locks the locks
     * @throws IllegalStateException if the unit is read-only
     * @throws dev.consentkit.core.ConcurrentUpdateException if the database chose this unit as the
     *         victim of a deadlock or a serialization failure
     */
    void lock(Collection<SubjectLock> locks);
}
