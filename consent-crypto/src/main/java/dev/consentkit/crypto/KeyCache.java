package dev.consentkit.crypto;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.crypto.internal.DataKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped data keys per subject, least recently used subjects evicted first; a subject's keys are
 * evicted together, at once, on shred. Thread-safe (one lock; the work under it is a few map operations).
 */
final class KeyCache {
    private final int capacity;
    private final LinkedHashMap<KeyedHash, SubjectKeys> subjects;

    KeyCache(int capacity) {
        this.capacity = capacity;
        this.subjects = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<KeyedHash, SubjectKeys> eldest) {
                return size() > KeyCache.this.capacity;
            }
        };
    }

    private static final class SubjectKeys {
        final Map<String, DataKey> current = new HashMap<>();
        final Map<Integer, DataKey> byId = new HashMap<>();
    }

    synchronized Optional<DataKey> current(KeyedHash subject, String group) {
        SubjectKeys keys = subjects.get(subject);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.current.get(group));
    }

    synchronized Optional<DataKey> byId(KeyedHash subject, int keyId) {
        SubjectKeys keys = subjects.get(subject);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.byId.get(keyId));
    }

    synchronized void put(KeyedHash subject, String group, DataKey key) {
        if (capacity == 0) {
            return;
        }
        SubjectKeys keys = subjects.computeIfAbsent(subject, s -> new SubjectKeys());
        keys.current.put(group, key);
        keys.byId.put(key.keyId(), key);
    }

    synchronized void putById(KeyedHash subject, DataKey key) {
        if (capacity == 0) {
            return;
        }
        subjects.computeIfAbsent(subject, s -> new SubjectKeys()).byId.put(key.keyId(), key);
    }

    synchronized void evict(KeyedHash subject) {
        subjects.remove(subject);
    }
}
