package dev.consentkit.core.retention;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.memory.MemoryUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The retention data of an {@link dev.consentkit.core.memory.InMemoryStorage}: anchors, disposal markers and acts. The storage's
 * lock guards it; each unit of work gets a {@link Store} view bound to its undo log.
 */
public final class InMemoryRetention implements MemoryStore<RetentionStore> {
    private static final Comparator<RetentionAnchor.Key> KEY_ORDER = Comparator
            .comparing((RetentionAnchor.Key k) -> k.subject().value()).thenComparing(RetentionAnchor.Key::recordRef);
    private final Map<EventName, NavigableMap<RetentionAnchor.Key, Instant>> events = new HashMap<>();
    private final Map<PolicyId, Map<RetentionAnchor.Key, Instant>> markers = new HashMap<>();
    private final Map<UUID, DestructionAct> acts = new LinkedHashMap<>();

    /** An empty store. */
    public InMemoryRetention() {
    }

    @Override
    public RetentionStore view(MemoryUnit unit) {
        return new Store(unit::onUndo, unit::checkOpen, unit::checkWritable);
    }

    /** The view of one unit of work. */
    final class Store implements RetentionStore {
        private final Consumer<Runnable> undo;
        private final Runnable checkOpen;
        private final Runnable checkWritable;

        /**
         * @param undo records how to undo a change
         * @param checkOpen throws if the unit has ended
         * @param checkWritable throws if the unit has ended or is read-only
         */
        Store(Consumer<Runnable> undo, Runnable checkOpen, Runnable checkWritable) {
            this.undo = undo;
            this.checkOpen = checkOpen;
            this.checkWritable = checkWritable;
        }

        @Override
        public boolean recordEvent(EventName eventName, RetentionAnchor anchor) {
            checkWritable.run();
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(anchor, "anchor");
            NavigableMap<RetentionAnchor.Key, Instant> byKey = events.computeIfAbsent(eventName, e -> new TreeMap<>(KEY_ORDER));
            Instant before = byKey.get(anchor.key());
            if (before != null && !before.isBefore(anchor.at())) {
                return false;
            }
            byKey.put(anchor.key(), anchor.at());
            undo.accept(() -> {
                if (before == null) {
                    byKey.remove(anchor.key());
                } else {
                    byKey.put(anchor.key(), before);
                }
            });
            return true;
        }

        @Override
        public Optional<Instant> event(EventName eventName, RetentionAnchor.Key key) {
            checkOpen.run();
            Objects.requireNonNull(key, "key");
            Map<RetentionAnchor.Key, Instant> byKey = events.get(Objects.requireNonNull(eventName, "eventName"));
            return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
        }

        @Override
        public List<RetentionAnchor> dueEvents(PolicyId policyId, EventName eventName, Instant upTo,
                                               Optional<RetentionAnchor.Key> after, int limit) {
            checkOpen.run();
            Objects.requireNonNull(policyId, "policyId");
            Objects.requireNonNull(upTo, "upTo");
            Objects.requireNonNull(after, "after");
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be positive");
            }
            NavigableMap<RetentionAnchor.Key, Instant> byKey = events.getOrDefault(Objects.requireNonNull(eventName, "eventName"),
                    new TreeMap<>(KEY_ORDER));
            Map<RetentionAnchor.Key, Instant> done = markers.getOrDefault(policyId, Map.of());
            List<RetentionAnchor> page = new ArrayList<>();
            for (Map.Entry<RetentionAnchor.Key, Instant> e : (after.isEmpty() ? byKey : byKey.tailMap(after.get(), false)).entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                Instant marker = done.get(e.getKey());
                if (!e.getValue().isAfter(upTo) && (marker == null || marker.isBefore(e.getValue()))) {
                    page.add(new RetentionAnchor(e.getKey().subject(), e.getKey().recordRef(), e.getValue()));
                }
            }
            return page;
        }

        @Override
        public Set<RetentionAnchor.Key> disposed(PolicyId policyId, Collection<RetentionAnchor> anchors) {
            checkOpen.run();
            Map<RetentionAnchor.Key, Instant> done = markers.getOrDefault(Objects.requireNonNull(policyId, "policyId"), Map.of());
            Set<RetentionAnchor.Key> found = new HashSet<>();
            for (RetentionAnchor a : anchors) {
                Instant marker = done.get(a.key());
                if (marker != null && !marker.isBefore(a.at())) {
                    found.add(a.key());
                }
            }
            return found;
        }

        @Override
        public void markDisposed(PolicyId policyId, Collection<RetentionAnchor> anchors, UUID actId) {
            checkWritable.run();
            Objects.requireNonNull(actId, "actId");
            Map<RetentionAnchor.Key, Instant> done = markers.computeIfAbsent(Objects.requireNonNull(policyId, "policyId"),
                    p -> new HashMap<>());
            for (RetentionAnchor a : List.copyOf(anchors)) {
                Instant before = done.put(a.key(), a.at());
                undo.accept(() -> {
                    if (before == null) {
                        done.remove(a.key());
                    } else {
                        done.put(a.key(), before);
                    }
                });
            }
        }

        @Override
        public int forgetEvents(SubjectId subject) {
            checkWritable.run();
            Objects.requireNonNull(subject, "subject");
            int removed = 0;
            for (NavigableMap<RetentionAnchor.Key, Instant> byKey : events.values()) {
                Map<RetentionAnchor.Key, Instant> gone = new HashMap<>();
                byKey.entrySet().removeIf(e -> {
                    if (e.getKey().subject().equals(subject)) {
                        gone.put(e.getKey(), e.getValue());
                        return true;
                    }
                    return false;
                });
                removed += gone.size();
                undo.accept(() -> byKey.putAll(gone));
            }
            return removed;
        }

        @Override
        public void openAct(DestructionAct act) {
            checkWritable.run();
            Objects.requireNonNull(act, "act");
            if (!act.entries().isEmpty() || act.complete()) {
                throw new IllegalArgumentException("a new act is open and has no entries");
            }
            if (acts.containsKey(act.id())) {
                throw new ConcurrentUpdateException("destruction act " + act.id() + " exists", null);
            }
            acts.put(act.id(), act);
            undo.accept(() -> acts.remove(act.id()));
        }

        @Override
        public Optional<DestructionAct> unfinishedAct() {
            checkOpen.run();
            return acts.values().stream().filter(a -> !a.complete())
                    .min(Comparator.comparing(DestructionAct::startedAt).thenComparing(DestructionAct::id));
        }

        @Override
        public void addActEntry(UUID actId, ActEntry entry) {
            checkWritable.run();
            Objects.requireNonNull(entry, "entry");
            DestructionAct act = openOne(actId);
            if (entry.number() != act.entries().size() + 1) {
                throw new ConcurrentUpdateException("act entry " + entry.number() + " is not the next one", null);
            }
            List<ActEntry> entries = new ArrayList<>(act.entries());
            entries.add(entry);
            replace(act, new DestructionAct(act.id(), act.operator(), act.operatorAddress(), act.processor(), act.system(),
                    act.performedBy(), act.signatory(), act.startedAt(), act.completedAt(), entries));
        }

        @Override
        public void completeAct(UUID actId, Instant completedAt) {
            checkWritable.run();
            Objects.requireNonNull(completedAt, "completedAt");
            DestructionAct act = openOne(actId);
            replace(act, new DestructionAct(act.id(), act.operator(), act.operatorAddress(), act.processor(), act.system(),
                    act.performedBy(), act.signatory(), act.startedAt(), Optional.of(completedAt), act.entries()));
        }

        private DestructionAct openOne(UUID actId) {
            DestructionAct act = acts.get(Objects.requireNonNull(actId, "actId"));
            if (act == null || act.complete()) {
                throw new IllegalStateException("destruction act " + actId + " is not open");
            }
            return act;
        }

        private void replace(DestructionAct before, DestructionAct after) {
            acts.put(after.id(), after);
            undo.accept(() -> acts.put(before.id(), before));
        }

        @Override
        public Optional<DestructionAct> act(UUID actId) {
            checkOpen.run();
            return Optional.ofNullable(acts.get(Objects.requireNonNull(actId, "actId")));
        }

        @Override
        public List<DestructionAct> acts() {
            checkOpen.run();
            return acts.values().stream()
                    .sorted(Comparator.comparing(DestructionAct::startedAt).thenComparing(DestructionAct::id)).toList();
        }

        @Override
        public List<UUID> purgeActs(Instant cutoff) {
            checkWritable.run();
            Objects.requireNonNull(cutoff, "cutoff");
            List<DestructionAct> gone = acts.values().stream()
                    .filter(a -> a.completedAt().map(c -> c.isBefore(cutoff)).orElse(false)).toList();
            gone.forEach(a -> acts.remove(a.id()));
            undo.accept(() -> gone.forEach(a -> acts.put(a.id(), a)));
            return gone.stream().map(DestructionAct::id).toList();
        }
    }
}
