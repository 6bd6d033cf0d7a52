package dev.consentkit.core.memory;

/**
 * What an in-memory store gets of the {@link InMemoryStorage} unit of work it serves: checks of the
 * unit's state, and its undo log, so that a unit that throws is undone completely, attached stores
 * included. Valid only inside the unit; not thread-safe.
 */
public interface MemoryUnit {
    /** @throws IllegalStateException if the unit has ended */
    void checkOpen();

    /** @throws IllegalStateException if the unit is read-only or has ended */
    void checkWritable();

    /**
     * @param step what undoes a change just made, run (latest first) if the unit throws
     */
    void onUndo(Runnable step);
}
