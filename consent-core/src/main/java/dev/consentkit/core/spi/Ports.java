package dev.consentkit.core.spi;

import java.util.Objects;

/**
 * Looks up the port of a feature in a unit of work ({@link StorageTransaction#port}), failing clearly
 * when the storage does not offer it. Thread-safe (stateless).
 */
public final class Ports {
    private Ports() {
    }

    /**
     * @param tx a unit of work
     * @param type the port's interface
     * @param <P> the port
     * @return the port
     * @throws IllegalStateException if the unit's storage does not offer it
     */
    public static <P> P in(StorageTransaction tx, Class<P> type) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(type, "type");
        return tx.port(type).orElseThrow(() -> new IllegalStateException(
                "the storage offers no " + type.getSimpleName() + " port: build the feature on a storage that has it"));
    }
}
