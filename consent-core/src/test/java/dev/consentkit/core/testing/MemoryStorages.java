package dev.consentkit.core.testing;

import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.hold.InMemoryHolds;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.monitor.InMemoryAlerts;
import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.register.InMemoryBreaches;
import dev.consentkit.core.retention.InMemoryRetention;
import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.core.rights.InMemoryRequests;
import dev.consentkit.core.rights.RequestStore;

/**
 * In-memory storages for tests that use a feature's port before building the feature (as a host
 * never does: a feature attaches its own in-memory store when it is built).
 */
public final class MemoryStorages {
    private MemoryStorages() {
    }

    /** @return an in-memory storage that offers every feature's port, as {@code JdbcStorage} does */
    public static InMemoryStorage withEveryFeature() {
        return InMemoryStorage.create()
                .attach(RequestStore.class, new InMemoryRequests())
                .attach(HoldStore.class, new InMemoryHolds())
                .attach(RetentionStore.class, new InMemoryRetention())
                .attach(BreachStore.class, new InMemoryBreaches())
                .attach(AlertStore.class, new InMemoryAlerts());
    }
}
