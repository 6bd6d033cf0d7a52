package dev.consentkit.core.register;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.memory.MemoryUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The breach register of an {@link dev.consentkit.core.memory.InMemoryStorage}. Guarded by the storage's lock; each unit of work
 * gets a view that checks the unit is open (and writable) and records how to undo its writes.
 */
public final class InMemoryBreaches implements MemoryStore<BreachStore> {
    private static final Comparator<BreachIncident> BY_AWARENESS =
            Comparator.comparing(BreachIncident::awareAt).thenComparing(i -> i.id().value());
    private static final Comparator<BreachNotification> BY_SENDING = Comparator.comparing(BreachNotification::sentAt)
            .thenComparing(BreachNotification::jurisdiction).thenComparing(BreachNotification::clock);
    private final Map<BreachId, BreachIncident> incidents = new LinkedHashMap<>();
    private final Map<BreachId, List<BreachNotification>> notifications = new LinkedHashMap<>();

    /** An empty store. */
    public InMemoryBreaches() {
    }

    @Override
    public BreachStore view(MemoryUnit unit) {
        return unit(unit::checkOpen, unit::checkWritable, unit::onUndo);
    }

    BreachStore unit(Runnable checkOpen, Runnable checkWritable, Consumer<Runnable> undo) {
        return new Unit(checkOpen, checkWritable, undo);
    }

    private final class Unit implements BreachStore {
        private final Runnable checkOpen;
        private final Runnable checkWritable;
        private final Consumer<Runnable> undo;

        Unit(Runnable checkOpen, Runnable checkWritable, Consumer<Runnable> undo) {
            this.checkOpen = checkOpen;
            this.checkWritable = checkWritable;
            this.undo = undo;
        }

        @Override
        public void add(BreachIncident incident) {
            checkWritable.run();
            Objects.requireNonNull(incident, "incident");
            if (incident.revision() != 1) {
                throw new IllegalArgumentException("a new breach has revision 1");
            }
            if (incidents.putIfAbsent(incident.id(), incident) != null) {
                throw new ConcurrentUpdateException("breach " + incident.id() + " is already recorded", null);
            }
            undo.accept(() -> incidents.remove(incident.id()));
        }

        @Override
        public boolean update(BreachIncident incident) {
            checkWritable.run();
            Objects.requireNonNull(incident, "incident");
            BreachIncident stored = incidents.get(incident.id());
            if (stored == null || stored.revision() != incident.revision() - 1) {
                return false;
            }
            // only the details, the update time and the revision change
            incidents.put(incident.id(), new BreachIncident(stored.id(), incident.revision(), stored.detectedAt(),
                    stored.awareAt(), stored.recordedAt(), incident.updatedAt(), incident.details(),
                    stored.deadlines()));
            undo.accept(() -> incidents.put(stored.id(), stored));
            return true;
        }

        @Override
        public Optional<BreachIncident> find(BreachId id) {
            checkOpen.run();
            return Optional.ofNullable(incidents.get(Objects.requireNonNull(id, "id")));
        }

        @Override
        public List<BreachIncident> list() {
            checkOpen.run();
            return incidents.values().stream().sorted(BY_AWARENESS).toList();
        }

        @Override
        public void addNotification(BreachNotification notification) {
            checkWritable.run();
            Objects.requireNonNull(notification, "notification");
            if (!incidents.containsKey(notification.breach())) {
                throw new IllegalArgumentException("breach " + notification.breach() + " is not recorded");
            }
            List<BreachNotification> sent = notifications.computeIfAbsent(notification.breach(), b -> new ArrayList<>());
            for (BreachNotification n : sent) {
                if (n.jurisdiction().equals(notification.jurisdiction()) && n.clock().equals(notification.clock())) {
                    throw new ConcurrentUpdateException("breach " + notification.breach() + ": notification "
                            + n.jurisdiction() + "/" + n.clock() + " is already recorded", null);
                }
            }
            sent.add(notification);
            undo.accept(() -> {
                sent.remove(sent.size() - 1);
                if (sent.isEmpty()) {
                    notifications.remove(notification.breach());
                }
            });
        }

        @Override
        public List<BreachNotification> notifications(BreachId id) {
            checkOpen.run();
            return notifications.getOrDefault(Objects.requireNonNull(id, "id"), List.of()).stream()
                    .sorted(BY_SENDING).toList();
        }
    }
}
