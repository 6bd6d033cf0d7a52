package dev.consentkit.crypto;

import dev.consentkit.core.testing.ForwardingTransaction;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import dev.consentkit.core.spi.WrappedKey;
import java.util.List;
import java.util.Optional;
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
        private final StorageTransaction tx;

        Tx(StorageTransaction tx) {
            super(tx);
            this.tx = tx;
        }

        @Override
        public KeyStore keys() {
            KeyStore keys = tx.keys();
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
                public Optional<WrappedKey> current(KeyedHash subjectRef, String group) {
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
                public int destroy(KeyedHash subjectRef, List<String> groups) {
                    return keys.destroy(subjectRef, groups);
                }

                @Override
                public List<WrappedKey> wrappedUnderOtherThan(String kekId, int limit) {
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
