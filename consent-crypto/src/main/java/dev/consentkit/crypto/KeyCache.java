package dev.consentkit.crypto;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.crypto.internal.DataKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped data keys per subject, least recently used subjects evicted first; a subject's keys are
 * evicted together, at once, on shred. Each key is kept at most {@code ttl} after it was unwrapped
 * (by the kit's clock), so that a key another instance shredded, or a master key that was retired,
 * stops being usable here within that time. Thread-safe (one lock; the work under it is a few map
 * operations).
 */
final class KeyCache {
    private final int capacity;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<KeyedHash, SubjectKeys> subjects;

    KeyCache(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.subjects = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<KeyedHash, SubjectKeys> eldest) {
                return size() > KeyCache.this.capacity;
            }
        };
    }

    /** A cached key and the clock reading (epoch milliseconds) from which it is no longer used. */
    private record Entry(DataKey key, long expiresAt) {
    }

    private static final class SubjectKeys {
        final Map<String, Entry> current = new HashMap<>();
        final Map<Integer, Entry> byId = new HashMap<>();
    }

    synchronized Optional<DataKey> current(KeyedHash subject, String group) {
        SubjectKeys keys = subjects.get(subject);
        return keys == null ? Optional.empty() : live(keys.current.get(group));
    }

    synchronized Optional<DataKey> byId(KeyedHash subject, int keyId) {
        SubjectKeys keys = subjects.get(subject);
        return keys == null ? Optional.empty() : live(keys.byId.get(keyId));
    }

    /** An expired entry is not removed here: the caller reloads the key and {@code put}s it again. */
    private Optional<DataKey> live(Entry entry) {
        if (entry == null || clock.millis() >= entry.expiresAt) {
            return Optional.empty();
        }
        return Optional.of(entry.key);
    }

    synchronized void put(KeyedHash subject, String group, DataKey key) {
        if (capacity == 0) {
            return;
        }
        Entry entry = new Entry(key, expiry());
        SubjectKeys keys = subjects.computeIfAbsent(subject, s -> new SubjectKeys());
        keys.current.put(group, entry);
        keys.byId.put(key.keyId(), entry);
    }

    synchronized void putById(KeyedHash subject, DataKey key) {
        if (capacity == 0) {
            return;
        }
        subjects.computeIfAbsent(subject, s -> new SubjectKeys()).byId.put(key.keyId(), new Entry(key, expiry()));
    }

    private long expiry() {
        long now = clock.millis();
        return now > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : now + ttlMillis;
    }

    synchronized void evict(KeyedHash subject) {
        subjects.remove(subject);
    }
}
