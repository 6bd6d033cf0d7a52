package dev.consentkit.core.memory;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.core.spi.protection.KeyShred;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The wrapped data keys, shred records and key-file generations of an {@link InMemoryStorage}.
 * Guarded by the storage's lock; changes are undone through the unit of work's undo log.
 */
final class InMemoryKeys {
    private static final Comparator<KeyShred> BY_GROUP_AND_VERSION =
            Comparator.comparing(KeyShred::group).thenComparingInt(KeyShred::version);
    /** Stands for "every group" among the earlier shreds; no group can be called so. */
    private static final String EVERY_GROUP = "*";

    /** Subject reference, then group in {@code String} order, then version. */
    private final Map<KeyedHash, NavigableMap<KeyGroup, NavigableMap<Integer, WrappedKey>>> keys = new HashMap<>();
    private final NavigableMap<Integer, WrappedKey> keysById = new TreeMap<>();
    private final Map<KeyedHash, Map<Integer, KeyShred>> shreds = new HashMap<>();
    /** Subject reference, then group (or {@link #EVERY_GROUP}), then when. */
    private final Map<KeyedHash, Map<String, Instant>> earlierShreds = new HashMap<>();
    private final Map<KeyFileId, Long> keyFiles = new HashMap<>();

    /**
     * @param checkOpen throws if the unit of work has ended
     * @param checkWritable throws if the unit may not write
     * @param undo takes the action that undoes a change
     * @return the store of one unit of work
     */
    KeyStore view(Runnable checkOpen, Runnable checkWritable, Consumer<Runnable> undo) {
        return new KeyStore() {
            @Override
            public void add(WrappedKey key) {
                checkWritable.run();
                Objects.requireNonNull(key, "key");
                NavigableMap<Integer, WrappedKey> versions = versions(key.subjectRef(), key.group());
                if (keysById.containsKey(key.keyId()) || versions.containsKey(key.version())) {
                    throw new ConcurrentUpdateException("data key of group " + key.group() + " version "
                            + key.version() + ": the version or the key id is already stored", null);
                }
                store(key);
                undo.accept(() -> delete(key));
            }

            @Override
            public Optional<WrappedKey> current(KeyedHash subjectRef, KeyGroup group) {
                checkOpen.run();
                Objects.requireNonNull(group, "group");
                NavigableMap<Integer, WrappedKey> versions = versions(subjectRef, group);
                return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
            }

            @Override
            public Optional<WrappedKey> find(KeyedHash subjectRef, int keyId) {
                checkOpen.run();
                Objects.requireNonNull(subjectRef, "subjectRef");
                return Optional.ofNullable(keysById.get(keyId)).filter(k -> k.subjectRef().equals(subjectRef));
            }

            @Override
            public List<WrappedKey> forSubject(KeyedHash subjectRef) {
                checkOpen.run();
                Objects.requireNonNull(subjectRef, "subjectRef");
                List<WrappedKey> found = new ArrayList<>();
                keys.getOrDefault(subjectRef, new TreeMap<>()).values().forEach(v -> found.addAll(v.values()));
                return List.copyOf(found);
            }

            @Override
            public int destroy(KeyedHash subjectRef, List<KeyGroup> groups, Instant at) {
                checkWritable.run();
                Objects.requireNonNull(at, "at");
                List<KeyGroup> wanted = List.copyOf(groups);
                List<WrappedKey> destroyed = forSubject(subjectRef).stream()
                        .filter(k -> wanted.isEmpty() || wanted.contains(k.group())).toList();
                Map<Integer, KeyShred> recorded = shreds.computeIfAbsent(subjectRef, s -> new HashMap<>());
                Map<Integer, KeyShred> before = new HashMap<>(recorded);
                for (WrappedKey k : destroyed) {
                    delete(k);
                    recorded.put(k.keyId(), KeyShred.of(k, at));
                }
                undo.accept(() -> {
                    destroyed.forEach(InMemoryKeys.this::store);
                    shreds.put(subjectRef, before);
                });
                return destroyed.size();
            }

            @Override
            public Optional<Instant> shredded(KeyedHash subjectRef, KeyGroup group, int keyId) {
                checkOpen.run();
                Objects.requireNonNull(subjectRef, "subjectRef");
                Objects.requireNonNull(group, "group");
                List<Instant> when = new ArrayList<>();
                Optional.ofNullable(shreds.getOrDefault(subjectRef, Map.of()).get(keyId))
                        .ifPresent(s -> when.add(s.shreddedAt()));
                Map<String, Instant> earlier = earlierShreds.getOrDefault(subjectRef, Map.of());
                Optional.ofNullable(earlier.get(group.value())).ifPresent(when::add);
                Optional.ofNullable(earlier.get(EVERY_GROUP)).ifPresent(when::add);
                return when.stream().min(Comparator.naturalOrder());
            }

            @Override
            public List<KeyShred> shredsOf(KeyedHash subjectRef) {
                checkOpen.run();
                Objects.requireNonNull(subjectRef, "subjectRef");
                return shreds.getOrDefault(subjectRef, Map.of()).values().stream().sorted(BY_GROUP_AND_VERSION).toList();
            }

            @Override
            public boolean recordEarlierShred(KeyedHash subjectRef, Optional<KeyGroup> group, Instant at) {
                checkWritable.run();
                Objects.requireNonNull(subjectRef, "subjectRef");
                Objects.requireNonNull(at, "at");
                String name = group.map(KeyGroup::value).orElse(EVERY_GROUP);
                Map<String, Instant> earlier = earlierShreds.computeIfAbsent(subjectRef, s -> new HashMap<>());
                if (earlier.putIfAbsent(name, at) != null) {
                    return false;
                }
                undo.accept(() -> earlier.remove(name));
                return true;
            }

            @Override
            public Map<KekId, KekUsage> usageByKek() {
                checkOpen.run();
                Map<KekId, KekUsage> counts = new TreeMap<>();
                keysById.values().forEach(k -> counts.merge(k.kekId(), new KekUsage(1, 0), KekUsage::plus));
                shreds.values().forEach(m -> m.values().forEach(s -> counts.merge(s.kekId(), new KekUsage(0, 1),
                        KekUsage::plus)));
                return Map.copyOf(counts);
            }

            @Override
            public OptionalLong keyFileGeneration(KeyFileId fileId) {
                checkOpen.run();
                Long generation = keyFiles.get(Objects.requireNonNull(fileId, "fileId"));
                return generation == null ? OptionalLong.empty() : OptionalLong.of(generation);
            }

            @Override
            public void recordKeyFileGeneration(KeyFileId fileId, long generation, Instant at) {
                checkWritable.run();
                Objects.requireNonNull(fileId, "fileId");
                Objects.requireNonNull(at, "at");
                if (generation <= 0) {
                    throw new IllegalArgumentException("key file generation must be positive");
                }
                Long before = keyFiles.get(fileId);
                if (before != null && before >= generation) {
                    return;
                }
                keyFiles.put(fileId, generation);
                undo.accept(() -> {
                    if (before == null) {
                        keyFiles.remove(fileId);
                    } else {
                        keyFiles.put(fileId, before);
                    }
                });
            }

            @Override
            public int keyFilesRecorded() {
                checkOpen.run();
                return keyFiles.size();
            }

            @Override
            public List<WrappedKey> wrappedUnderOtherThan(KekId kekId, int limit) {
                checkOpen.run();
                Objects.requireNonNull(kekId, "kekId");
                if (limit <= 0) {
                    throw new IllegalArgumentException("limit must be positive");
                }
                return keysById.values().stream().filter(k -> !k.kekId().equals(kekId)).limit(limit).toList();
            }

            @Override
            public boolean rewrap(WrappedKey key) {
                checkWritable.run();
                Objects.requireNonNull(key, "key");
                WrappedKey stored = versions(key.subjectRef(), key.group()).get(key.version());
                if (stored == null || stored.keyId() != key.keyId()) {
                    return false;
                }
                store(stored.rewrapped(key.kekId(), key.wrapped(), key.format(), key.authenticator()));
                undo.accept(() -> store(stored));
                return true;
            }
        };
    }

    /** @return the group's versions, empty (and unattached) if none */
    private NavigableMap<Integer, WrappedKey> versions(KeyedHash subjectRef, KeyGroup group) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        NavigableMap<KeyGroup, NavigableMap<Integer, WrappedKey>> groups = keys.get(subjectRef);
        NavigableMap<Integer, WrappedKey> versions = groups == null ? null : groups.get(group);
        return versions == null ? new TreeMap<>() : versions;
    }

    /** Adds or replaces a key in both maps. */
    private void store(WrappedKey key) {
        keys.computeIfAbsent(key.subjectRef(), s -> new TreeMap<>())
                .computeIfAbsent(key.group(), g -> new TreeMap<>()).put(key.version(), key);
        keysById.put(key.keyId(), key);
    }

    private void delete(WrappedKey key) {
        NavigableMap<KeyGroup, NavigableMap<Integer, WrappedKey>> groups = keys.get(key.subjectRef());
        NavigableMap<Integer, WrappedKey> versions = groups.get(key.group());
        versions.remove(key.version());
        if (versions.isEmpty()) {
            groups.remove(key.group());
            if (groups.isEmpty()) {
                keys.remove(key.subjectRef());
            }
        }
        keysById.remove(key.keyId());
    }
}
