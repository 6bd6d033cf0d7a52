package dev.consentkit.core.testing;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A storage whose units of work are another storage's, each wrapped (usually in a
 * {@link ForwardingTransaction} that changes one port, to offer less or to inject a failure).
 * Thread-safe if the wrapped storage is and {@code wrap} is stateless.
 */
public class WrappingStorage implements ConsentStorage {
    private final ConsentStorage delegate;
    private final UnaryOperator<StorageTransaction> wrap;
    private final String name;

    /**
     * @param delegate the real storage
     * @param wrap wraps each of its units of work
     * @param name what {@link #toString()} says
     */
    public WrappingStorage(ConsentStorage delegate, UnaryOperator<StorageTransaction> wrap, String name) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.wrap = Objects.requireNonNull(wrap, "wrap");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(wrap.apply(tx)));
    }

    @Override
    public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
        return delegate.inOwnTransaction(tx -> work.apply(wrap.apply(tx)));
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return delegate.read(tx -> work.apply(wrap.apply(tx)));
    }

    @Override
    public String toString() {
        return name;
    }
}
