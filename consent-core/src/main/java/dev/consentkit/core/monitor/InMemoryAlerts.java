package dev.consentkit.core.monitor;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.memory.MemoryUnit;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitoring alerts of a {@link dev.consentkit.core.memory.InMemoryStorage} (attached when access
 * monitoring is built on it). Guarded by the storage's lock; changes are undone through the unit of
 * work's undo log.
 */
public final class InMemoryAlerts implements MemoryStore<AlertStore> {
    private final Map<UUID, MonitoringAlert> alerts = new LinkedHashMap<>();

    /** An empty store. */
    public InMemoryAlerts() {
    }

    @Override
    public AlertStore view(MemoryUnit unit) {
        return new AlertStore() {
            @Override
            public void add(MonitoringAlert alert) {
                unit.checkWritable();
                Objects.requireNonNull(alert, "alert");
                if (alert.isAcknowledged()) {
                    throw new IllegalArgumentException("a new alert is not acknowledged yet");
                }
                micros(alert.raisedAt(), "raisedAt");
                if (alerts.containsKey(alert.id())) {
                    throw new ConcurrentUpdateException("monitoring alert " + alert.id() + " is already stored", null);
                }
                alerts.put(alert.id(), alert);
                unit.onUndo(() -> alerts.remove(alert.id()));
            }

            @Override
            public Optional<MonitoringAlert> find(UUID id) {
                unit.checkOpen();
                return Optional.ofNullable(alerts.get(Objects.requireNonNull(id, "id")));
            }

            @Override
            public boolean acknowledge(UUID id, Acknowledgement ack) {
                unit.checkWritable();
                Objects.requireNonNull(id, "id");
                micros(Objects.requireNonNull(ack, "ack").at(), "acknowledgement time");
                MonitoringAlert stored = alerts.get(id);
                if (stored == null || stored.isAcknowledged()) {
                    return false;
                }
                alerts.put(id, stored.acknowledged(ack));
                unit.onUndo(() -> alerts.put(id, stored));
                return true;
            }

            @Override
            public List<MonitoringAlert> unacknowledged(int limit) {
                unit.checkOpen();
                if (limit <= 0) {
                    throw new IllegalArgumentException("limit must be positive");
                }
                return alerts.values().stream().filter(a -> !a.isAcknowledged())
                        .sorted(Comparator.comparing(MonitoringAlert::raisedAt).thenComparing(a -> a.id().toString()))
                        .limit(limit).toList();
            }

            @Override
            public long countUnacknowledged() {
                unit.checkOpen();
                return alerts.values().stream().filter(a -> !a.isAcknowledged()).count();
            }
        };
    }

    private static void micros(Instant t, String what) {
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(what + " has sub-microsecond precision; stores keep microseconds");
        }
    }
}
