package dev.consentkit.core.hold;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.memory.MemoryUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal holds of an {@link dev.consentkit.core.memory.InMemoryStorage}. Guarded by the storage's lock; each unit of work
 * gets a view that checks its state and records undo steps.
 */
public final class InMemoryHolds implements MemoryStore<HoldStore> {
    private static final Comparator<LegalHold> ORDER =
            Comparator.comparing(LegalHold::placedAt).thenComparing(h -> h.id().toString());
    private final Map<UUID, LegalHold> holds = new LinkedHashMap<>();

    /** An empty store. */
    public InMemoryHolds() {
    }

    @Override
    public HoldStore view(MemoryUnit unit) {
        return new HoldStore() {
            @Override
            public void add(LegalHold hold) {
                unit.checkWritable();
                Objects.requireNonNull(hold, "hold");
                if (holds.putIfAbsent(hold.id(), hold) != null) {
                    throw new ConcurrentUpdateException("a legal hold with id " + hold.id() + " exists", null);
                }
                unit.onUndo(() -> holds.remove(hold.id()));
            }

            @Override
            public Optional<LegalHold> find(UUID id) {
                unit.checkOpen();
                return Optional.ofNullable(holds.get(Objects.requireNonNull(id, "id")));
            }

            @Override
            public boolean lift(UUID id, LegalHold.Lifting lifting) {
                unit.checkWritable();
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(lifting, "lifting");
                LegalHold before = holds.get(id);
                if (before == null || !before.isActive()) {
                    return false;
                }
                holds.put(id, before.lift(lifting.by(), lifting.at()));
                unit.onUndo(() -> holds.put(id, before));
                return true;
            }

            @Override
            public List<LegalHold> active() {
                unit.checkOpen();
                return holds.values().stream().filter(LegalHold::isActive).sorted(ORDER).toList();
            }

            @Override
            public List<LegalHold> activeFor(SubjectId subject) {
                unit.checkOpen();
                Objects.requireNonNull(subject, "subject");
                return holds.values().stream().filter(h -> h.isActive() && h.scope().appliesTo(subject))
                        .sorted(ORDER).toList();
            }
        };
    }
}
