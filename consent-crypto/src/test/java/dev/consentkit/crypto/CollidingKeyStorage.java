package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.testkit.fixtures.ForwardingTransaction;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.core.spi.protection.KeyShred;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real storage whose key store refuses the next few new keys as a store does when a random key id
 * collides or a concurrent writer made the same version first. Thread-safe if the wrapped storage is.
 */
final class CollidingKeyStorage implements ConsentStorage {
    private final ConsentStorage delegate;
    private final AtomicInteger collisionsLeft = new AtomicInteger();
    private final AtomicInteger collisions = new AtomicInteger();

    CollidingKeyStorage(ConsentStorage delegate) {
        this.delegate = delegate;
    }

    void collide(int times) {
        collisionsLeft.set(times);
    }

    int collisions() {
        return collisions.get();
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(new Tx(tx)));
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return delegate.read(tx -> work.apply(new Tx(tx)));
    }

    private final class Tx extends ForwardingTransaction {

        Tx(StorageTransaction tx) {
            super(tx);
        }

        @Override
        public <P> Optional<P> port(Class<P> type) {
            return type == KeyStore.class ? Optional.of(type.cast(keys())) : super.port(type);
        }

        private KeyStore keys() {
            KeyStore keys = KeyStore.in(delegate());
            return new KeyStore() {
                @Override
                public void add(WrappedKey key) {
                    if (collisionsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        collisions.incrementAndGet();
                        throw new ConcurrentUpdateException("key id or version already taken", null);
                    }
                    keys.add(key);
                }

                @Override
                public Optional<WrappedKey> current(KeyedHash subjectRef, KeyGroup group) {
                    return keys.current(subjectRef, group);
                }

                @Override
                public Optional<WrappedKey> find(KeyedHash subjectRef, int keyId) {
                    return keys.find(subjectRef, keyId);
                }

                @Override
                public List<WrappedKey> forSubject(KeyedHash subjectRef) {
                    return keys.forSubject(subjectRef);
                }

                @Override
                public int destroy(KeyedHash subjectRef, List<KeyGroup> groups, Instant at) {
                    return keys.destroy(subjectRef, groups, at);
                }

                @Override
                public Optional<Instant> shredded(KeyedHash subjectRef, KeyGroup group, int keyId) {
                    return keys.shredded(subjectRef, group, keyId);
                }

                @Override
                public List<KeyShred> shredsOf(KeyedHash subjectRef) {
                    return keys.shredsOf(subjectRef);
                }

                @Override
                public boolean recordEarlierShred(KeyedHash subjectRef, Optional<KeyGroup> group, Instant at) {
                    return keys.recordEarlierShred(subjectRef, group, at);
                }

                @Override
                public Map<KekId, KekUsage> usageByKek() {
                    return keys.usageByKek();
                }

                @Override
                public OptionalLong keyFileGeneration(KeyFileId fileId) {
                    return keys.keyFileGeneration(fileId);
                }

                @Override
                public void recordKeyFileGeneration(KeyFileId fileId, long generation, Instant at) {
                    keys.recordKeyFileGeneration(fileId, generation, at);
                }

                @Override
                public int keyFilesRecorded() {
                    return keys.keyFilesRecorded();
                }

                @Override
                public List<WrappedKey> wrappedUnderOtherThan(KekId kekId, int limit) {
                    return keys.wrappedUnderOtherThan(kekId, limit);
                }

                @Override
                public boolean rewrap(WrappedKey key) {
                    return keys.rewrap(key);
                }
            };
        }
    }
}
