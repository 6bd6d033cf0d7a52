package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.crypto.internal.DataKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Unwrapped data keys per subject, least recently used subjects evicted first; a subject's keys are
 * evicted together, at once, on shred. Each key is kept at most {@code ttl} after it was unwrapped
 * (by the kit's clock), so that a key another instance shredded, or a master key that was retired,
 * stops being usable here within that time. Thread-safe (one lock; the work under it is a few map
 * operations).
 *
 * <p>A key's "current" slot is filled only with keys the caller may seal under ({@link DataKeys}
 * decides which); the by-id slots serve opening.
 *
 * <p>Keys that leave the cache are cleared from memory (best effort, {@link DataKey#tryClear}) once
 * {@link #CLEAR_AFTER} has passed since they left — a seal or open that took the key just before still
 * finishes with it — and only when no seal or open is using them at that moment.
 */
final class KeyCache {
    /** How long a key that left the cache stays intact for the seals and opens that took it just before. */
    static final Duration CLEAR_AFTER = Duration.ofMinutes(1);
    /** Keys waiting to be cleared beyond this many are left to the garbage collector. */
    private static final int MAX_WAITING = 100_000;

    private final int capacity;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<KeyedHash, SubjectKeys> subjects;
    private final Deque<Leaving> leaving = new ArrayDeque<>();

    KeyCache(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.subjects = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<KeyedHash, SubjectKeys> eldest) {
                if (size() > KeyCache.this.capacity) {
                    leaveAll(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** A cached key and the clock reading (epoch milliseconds) from which it is no longer used. */
    private record Entry(DataKey key, long expiresAt) {
    }

    /** A key that left the cache, and when. */
    private record Leaving(DataKey key, long since) {
    }

    private static final class SubjectKeys {
        final Map<KeyGroup, Entry> current = new HashMap<>();
        final Map<Integer, Entry> byId = new HashMap<>();

        boolean holds(DataKey key) {
            return current.values().stream().anyMatch(e -> e.key == key)
                    || byId.values().stream().anyMatch(e -> e.key == key);
        }
    }

    synchronized Optional<DataKey> current(KeyedHash subject, KeyGroup group) {
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

    /** Caches a key the caller may seal under, as the group's current key and by its id. */
    synchronized void put(KeyedHash subject, KeyGroup group, DataKey key) {
        if (capacity == 0) {
            return;
        }
        Entry entry = new Entry(key, expiry());
        SubjectKeys keys = subjects.computeIfAbsent(subject, s -> new SubjectKeys());
        Entry oldCurrent = keys.current.put(group, entry);
        Entry oldById = keys.byId.put(key.keyId(), entry);
        leaveIfDropped(keys, oldCurrent);
        leaveIfDropped(keys, oldById);
        clearWaiting();
    }

    /** Caches a key for opening only. */
    synchronized void putById(KeyedHash subject, DataKey key) {
        if (capacity == 0) {
            return;
        }
        SubjectKeys keys = subjects.computeIfAbsent(subject, s -> new SubjectKeys());
        leaveIfDropped(keys, keys.byId.put(key.keyId(), new Entry(key, expiry())));
        clearWaiting();
    }

    private long expiry() {
        long now = clock.millis();
        return now > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : now + ttlMillis;
    }

    synchronized void evict(KeyedHash subject) {
        SubjectKeys keys = subjects.remove(subject);
        if (keys != null) {
            leaveAll(keys);
        }
        clearWaiting();
    }

    private void leaveIfDropped(SubjectKeys keys, Entry replaced) {
        if (replaced != null && !keys.holds(replaced.key)) {
            leave(replaced.key);
        }
    }

    private void leaveAll(SubjectKeys keys) {
        Set<DataKey> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keys.current.values().forEach(e -> distinct.add(e.key));
        keys.byId.values().forEach(e -> distinct.add(e.key));
        distinct.forEach(this::leave);
    }

    private void leave(DataKey key) {
        leaving.addLast(new Leaving(key, clock.millis()));
        if (leaving.size() > MAX_WAITING) {
            leaving.pollFirst();
        }
    }

    /** Clears the keys that left at least {@link #CLEAR_AFTER} ago; one in use waits for a later turn. */
    private void clearWaiting() {
        long now = clock.millis();
        long after = CLEAR_AFTER.toMillis();
        for (int n = leaving.size(); n > 0 && !leaving.isEmpty(); n--) {
            Leaving first = leaving.peekFirst();
            if (now - first.since < after) {
                return;
            }
            leaving.pollFirst();
            if (!first.key.tryClear()) {
                leaving.addLast(new Leaving(first.key, now));
            }
        }
    }
}
