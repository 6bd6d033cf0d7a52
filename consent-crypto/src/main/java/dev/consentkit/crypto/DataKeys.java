package dev.consentkit.crypto;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.WrappedKey;
import dev.consentkit.crypto.internal.DataKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The data keys of {@link FieldCrypto}: made, found, rotated and rewrapped in the kit's key store,
 * unwrapped under the master key(s), cached. Thread-safe.
 */
final class DataKeys {
    static final Actor COMPONENT = Actor.system("field-crypto");
    private static final int ATTEMPTS = 5;

    private final ConsentKit kit;
    private final KeyEncryptionKeyProvider keks;
    private final KeyCache cache;
    private final SecureRandom random = new SecureRandom();

    DataKeys(ConsentKit kit, KeyEncryptionKeyProvider keks, int cacheSize, java.time.Duration cacheTtl) {
        this.kit = kit;
        this.keks = keks;
        this.cache = new KeyCache(cacheSize, cacheTtl, kit.clock());
    }

    /** Whether any data key in the store is wrapped under a master key other than {@code kekId}. */
    boolean anyWrappedUnderOtherThan(String kekId) {
        return !kit.storage().read(tx -> tx.keys().wrappedUnderOtherThan(kekId, 1)).isEmpty();
    }

    /**
     * The key new values of the group are sealed with, made (version 1) if the subject has none. With a
     * write-only provider, which cannot unwrap the stored one, a cache miss makes the next version.
     */
    DataKey current(KeyedHash subjectRef, String group) {
        if (!keks.canUnwrap()) {
            return cache.current(subjectRef, group).orElseGet(() -> {
                DataKey key = retrying(() -> kit.storage().inTransaction(tx -> {
                    int version = tx.keys().current(subjectRef, group).map(k -> k.version() + 1).orElse(1);
                    return create(tx, subjectRef, group, version, FieldCrypto.KEY_CREATED);
                }));
                cache.put(subjectRef, group, key);
                return key;
            });
        }
        return existingCurrent(subjectRef, group).orElseGet(() -> {
            DataKey key = retrying(() -> kit.storage().inTransaction(tx -> tx.keys().current(subjectRef, group)
                    .map(this::unwrap)
                    .orElseGet(() -> create(tx, subjectRef, group, 1, FieldCrypto.KEY_CREATED))));
            cache.put(subjectRef, group, key);
            return key;
        });
    }

    /** The group's current key, if the subject has one; never makes one. */
    Optional<DataKey> existingCurrent(KeyedHash subjectRef, String group) {
        Optional<DataKey> cached = cache.current(subjectRef, group);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<DataKey> stored = kit.storage().read(tx -> tx.keys().current(subjectRef, group)).map(this::unwrap);
        stored.ifPresent(k -> cache.put(subjectRef, group, k));
        return stored;
    }

    /** The key a ciphertext names, if it still exists and is the subject's. */
    Optional<DataKey> byId(KeyedHash subjectRef, int keyId) {
        Optional<DataKey> cached = cache.byId(subjectRef, keyId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<DataKey> stored = kit.storage().read(tx -> tx.keys().find(subjectRef, keyId)).map(this::unwrap);
        stored.ifPresent(k -> cache.putById(subjectRef, k));
        return stored;
    }

    /** Adds the group's next version, which becomes current here at once. */
    void rotate(KeyedHash subjectRef, String group) {
        DataKey key = retrying(() -> kit.storage().inTransaction(tx -> {
            int version = tx.keys().current(subjectRef, group).map(k -> k.version() + 1).orElse(1);
            return create(tx, subjectRef, group, version, FieldCrypto.KEY_ROTATED);
        }));
        cache.put(subjectRef, group, key);
    }

    /**
     * Rewraps, batch by batch, every data key not under the current master key. The unwrapping and
     * wrapping happen outside the unit of work (a KMS may take a round trip per key), which then only
     * writes; a key shredded in between is skipped.
     */
    RotationReport rewrapAll(int batchSize, Consumer<? super RotationReport> progress) {
        String kekId = keks.currentKekId();
        RotationReport report = new RotationReport(kekId, 0, 0, 0);
        while (true) {
            List<WrappedKey> batch = kit.storage().read(tx -> tx.keys().wrappedUnderOtherThan(kekId, batchSize));
            if (batch.isEmpty()) {
                return report;
            }
            List<WrappedKey> rewrapped = new ArrayList<>(batch.size());
            for (WrappedKey old : batch) {
                byte[] context = wrapContext(old.subjectRef(), old.group(), old.version());
                byte[] dek = keks.unwrap(old.kekId(), old.wrapped(), context);
                try {
                    rewrapped.add(old.rewrapped(kekId, keks.wrap(dek, context)));
                } finally {
                    Arrays.fill(dek, (byte) 0);
                }
            }
            if (!kekId.equals(keks.currentKekId())) {
                throw new IllegalStateException("the current master key changed during the rotation; run it again");
            }
            Instant now = now();
            long done = kit.storage().inTransaction(tx -> {
                long count = rewrapped.stream().filter(k -> tx.keys().rewrap(k)).count();
                audit(tx, now, FieldCrypto.KEYS_REWRAPPED, Optional.empty(),
                        count + " of " + rewrapped.size() + " to " + kekId);
                return count;
            });
            report = report.plus(done, batch.size() - done);
            progress.accept(report);
        }
    }

    void evict(KeyedHash subjectRef) {
        cache.evict(subjectRef);
    }

    private DataKey create(StorageTransaction tx, KeyedHash subjectRef, String group, int version, AuditAction action) {
        byte[] dek = new byte[DataKey.BYTES];
        random.nextBytes(dek);
        int keyId = random.nextInt();
        try {
            byte[] wrapped = keks.wrap(dek, wrapContext(subjectRef, group, version));
            tx.keys().add(new WrappedKey(subjectRef, group, version, keyId, keks.currentKekId(), wrapped, now()));
            audit(tx, now(), action, Optional.of(subjectRef), group + " v" + version);
            return DataKey.of(keyId, dek);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** A new random key id that collides, or a concurrent maker of the same version, is retried afresh. */
    private static <T> T retrying(Supplier<T> unitOfWork) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return unitOfWork.get();
            } catch (ConcurrentUpdateException e) {
                last = e;
            }
        }
        throw last;
    }

    private DataKey unwrap(WrappedKey wrapped) {
        byte[] dek = keks.unwrap(wrapped.kekId(), wrapped.wrapped(),
                wrapContext(wrapped.subjectRef(), wrapped.group(), wrapped.version()));
        try {
            return DataKey.of(wrapped.keyId(), dek);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    private static byte[] wrapContext(KeyedHash subjectRef, String group, int version) {
        byte[] a = subjectRef.value().getBytes(StandardCharsets.US_ASCII);
        byte[] g = group.getBytes(StandardCharsets.US_ASCII);
        byte[] tag = "ck/v1/dek".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(tag.length + 4 + a.length + 4 + g.length + 4)
                .put(tag).putInt(a.length).put(a).putInt(g.length).put(g).putInt(version).array();
    }

    private void audit(StorageTransaction tx, Instant time, AuditAction action, Optional<KeyedHash> subjectRef, String reference) {
        kit.audit().append(tx, new AuditEvent(time, COMPONENT, action, subjectRef, Optional.empty(),
                AuditOutcome.SUCCESS, Optional.of(reference)));
    }

    private Instant now() {
        return kit.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "DataKeys[" + keks + "]";
    }
}
