package dev.consentkit.core.memory;

/**
 * A feature's own in-memory store, attached to an {@link InMemoryStorage} with
 * {@link InMemoryStorage#attach}: it keeps its state, guarded by the storage's lock, and hands each
 * unit of work a view of it. The feature packages own theirs (memory never imports a feature).
 *
 * @param <P> the port the view implements
 */
@FunctionalInterface
public interface MemoryStore<P> {
    /**
     * @param unit the unit of work asking
     * @return the port as that unit sees it
     */
    P view(MemoryUnit unit);
}
