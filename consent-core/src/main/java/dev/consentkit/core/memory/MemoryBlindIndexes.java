package dev.consentkit.core.memory;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The blind indexes of an {@link InMemoryStorage}. Guarded by the storage's lock; each unit of work
 * gets a view that checks its state and records undo steps. Every entry here has a group (this store
 * never held entries written before groups were recorded), so {@code attribute} finds nothing to do.
 * Subjects are ordered by {@link String#compareTo} of their ids.
 */
final class MemoryBlindIndexes {
    private final Map<Term, Set<SubjectId>> byTerm = new HashMap<>();
    private final Map<SubjectId, Map<Term, BlindIndexEntry>> bySubject = new HashMap<>();

    private record Term(IndexName index, int version, String value) {
        static Term of(BlindIndexEntry e) {
            return new Term(e.index(), e.version(), e.value());
        }
    }

    /**
     * @param checkOpen throws if the unit has ended
     * @param checkWritable throws if the unit is read-only or ended
     * @param undo records an undo step
     * @return the unit's view
     */
    BlindIndexStore unit(Runnable checkOpen, Runnable checkWritable, Consumer<Runnable> undo) {
        return new BlindIndexStore() {
            @Override
            public void put(BlindIndexEntry entry) {
                checkWritable.run();
                Objects.requireNonNull(entry, "entry");
                Optional<BlindIndexEntry> before = stored(entry.subject(), Term.of(entry));
                if (before.equals(Optional.of(entry))) {
                    return;
                }
                before.ifPresent(MemoryBlindIndexes.this::unindex);
                index(entry);
                undo.accept(() -> {
                    unindex(entry);
                    before.ifPresent(MemoryBlindIndexes.this::index);
                });
            }

            @Override
            public int remove(IndexName index, SubjectId subject) {
                checkWritable.run();
                Objects.requireNonNull(index, "index");
                return removeWhere(subject, e -> e.index().equals(index));
            }

            @Override
            public List<SubjectId> find(IndexName index, int version, String value) {
                checkOpen.run();
                Term term = new Term(Objects.requireNonNull(index, "index"), version, Objects.requireNonNull(value, "value"));
                return List.copyOf(byTerm.getOrDefault(term, Set.of()));
            }

            @Override
            public int removeSubject(SubjectId subject) {
                checkWritable.run();
                return removeWhere(subject, e -> true);
            }

            @Override
            public int removeGroups(SubjectId subject, Collection<KeyGroup> groups) {
                checkWritable.run();
                Set<KeyGroup> named = Set.copyOf(Objects.requireNonNull(groups, "groups"));
                if (named.isEmpty()) {
                    throw new IllegalArgumentException("name at least one key group (removeSubject removes every entry)");
                }
                return removeWhere(subject, e -> named.contains(e.group()));
            }

            @Override
            public int attribute(IndexName index, KeyGroup group, String field) {
                checkWritable.run();
                Objects.requireNonNull(index, "index");
                Objects.requireNonNull(group, "group");
                BlindIndexEntry.checkField(field);
                return 0;
            }

            @Override
            public List<SubjectId> olderThan(IndexName index, int version, Optional<SubjectId> after, int limit) {
                checkOpen.run();
                Objects.requireNonNull(index, "index");
                Objects.requireNonNull(after, "after");
                if (limit < 1 || limit > 10_000) {
                    throw new IllegalArgumentException("limit must be 1 to 10000, got " + limit);
                }
                TreeSet<String> ids = new TreeSet<>();
                bySubject.forEach((subject, entries) -> {
                    if (after.map(a -> subject.value().compareTo(a.value()) > 0).orElse(true)
                            && entries.keySet().stream().anyMatch(t -> t.index().equals(index) && t.version() < version)) {
                        ids.add(subject.value());
                    }
                });
                return ids.stream().limit(limit).map(SubjectId::of).toList();
            }

            @Override
            public int removeOlderThan(IndexName index, int version, SubjectId subject) {
                checkWritable.run();
                Objects.requireNonNull(index, "index");
                return removeWhere(subject, e -> e.index().equals(index) && e.version() < version);
            }

            private int removeWhere(SubjectId subject, Predicate<BlindIndexEntry> which) {
                Objects.requireNonNull(subject, "subject");
                List<BlindIndexEntry> gone = bySubject.getOrDefault(subject, Map.of()).values().stream().filter(which).toList();
                gone.forEach(MemoryBlindIndexes.this::unindex);
                undo.accept(() -> gone.forEach(MemoryBlindIndexes.this::index));
                return gone.size();
            }
        };
    }

    private Optional<BlindIndexEntry> stored(SubjectId subject, Term term) {
        return Optional.ofNullable(bySubject.getOrDefault(subject, Map.of()).get(term));
    }

    private void index(BlindIndexEntry e) {
        byTerm.computeIfAbsent(Term.of(e), k -> new HashSet<>()).add(e.subject());
        bySubject.computeIfAbsent(e.subject(), s -> new LinkedHashMap<>()).put(Term.of(e), e);
    }

    private void unindex(BlindIndexEntry e) {
        Term term = Term.of(e);
        Set<SubjectId> subjects = byTerm.get(term);
        subjects.remove(e.subject());
        if (subjects.isEmpty()) {
            byTerm.remove(term);
        }
        Map<Term, BlindIndexEntry> entries = bySubject.get(e.subject());
        entries.remove(term);
        if (entries.isEmpty()) {
            bySubject.remove(e.subject());
        }
    }
}
