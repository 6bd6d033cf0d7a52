package dev.consentkit.core.context;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.protection.FieldProtector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a kit's features and ConsentKit's other modules (crypto, jdbc) need from a kit: its storage as
 * the kit runs it, audit appends, subject references, clock, catalogue, jurisdiction, access policy, the
 * field protector, and the features installed on it. <strong>Not API</strong>: exported only to
 * ConsentKit's own modules; it may change in any release.
 *
 * <p>Reached from a kit by {@link #of(Object)}; the facade registers the lookup once, so this package
 * never imports the facade and the facade has no public door to it. Thread-safe.
 */
public abstract class KitContext {
    private static volatile Function<Object, KitContext> lookup;
    private final ConcurrentMap<Class<?>, Object> features = new ConcurrentHashMap<>();

    /** For the facade's implementation. */
    protected KitContext() {
    }

    /**
     * Registers how a kit's context is found; called once, by the facade's class initialiser.
     *
     * @param kitToContext the lookup
     * @throws IllegalStateException if a lookup was registered already
     */
    public static synchronized void register(Function<Object, KitContext> kitToContext) {
        Objects.requireNonNull(kitToContext, "kitToContext");
        if (lookup != null) {
            throw new IllegalStateException("the kit context lookup is registered already");
        }
        lookup = kitToContext;
    }

    /**
     * @param kit a {@code dev.consentkit.ConsentKit}
     * @return its context
     * @throws NullPointerException if {@code kit} is null
     * @throws IllegalArgumentException if it is not a kit
     */
    public static KitContext of(Object kit) {
        Objects.requireNonNull(kit, "kit");
        Function<Object, KitContext> l = lookup;
        if (l == null) {
            throw new IllegalArgumentException("not a ConsentKit: " + kit.getClass().getName());
        }
        return l.apply(kit);
    }

    /**
     * @return the storage as the kit uses it: the audit entries of a unit of work run on it are heard by
     *         the audit listeners and, after a commit of the kit's own, linked into the chain
     */
    public abstract ConsentStorage storage();

    /** @return the storage as the host configured it (not the kit's view of it) */
    protected abstract ConsentStorage configuredStorage();

    /**
     * Makes sure the kit's storage offers a feature's port, for the feature's build: an in-memory
     * storage gets the feature's own in-memory store attached (once); any other storage must offer it.
     *
     * @param port the port's interface
     * @param inMemory makes the feature's in-memory store
     * @param <P> the port
     * @throws IllegalStateException if the storage does not offer the port; the message names both
     */
    public final <P> void requirePort(Class<P> port, Supplier<? extends MemoryStore<? extends P>> inMemory) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(inMemory, "inMemory");
        if (configuredStorage() instanceof InMemoryStorage memory) {
            memory.attach(port, inMemory.get());
        }
        requirePort(port);
    }

    /**
     * Makes sure the kit's storage offers a port that the storage itself must have (the keys and blind
     * indexes of field protection), for the build of the feature that needs it.
     *
     * @param port the port's interface
     * @throws IllegalStateException if the storage does not offer the port; the message names both
     */
    public final void requirePort(Class<?> port) {
        Objects.requireNonNull(port, "port");
        if (!offers(port)) {
            throw new IllegalStateException(configuredStorage() + " offers no " + port.getSimpleName()
                    + " port, which this feature needs: use a storage that offers it (JdbcStorage offers every port)");
        }
    }

    /**
     * @param port a port's interface
     * @return whether the kit's storage offers it (an in-memory storage: once a feature attached it)
     */
    public final boolean offers(Class<?> port) {
        Objects.requireNonNull(port, "port");
        return storage().read(tx -> tx.port(port).isPresent());
    }

    /** @return the processing catalogue */
    public abstract ProcessingCatalog catalog();

    /** @return the kit's clock */
    public abstract Clock clock();

    /** @return how far in the future an event time may lie */
    public abstract Duration clockTolerance();

    /** @return the jurisdiction whose deadlines and clocks apply */
    public abstract Jurisdiction jurisdiction();

    /** @return who may read what, if the host declared it */
    public abstract Optional<AccessPolicy> accessPolicy();

    /** @return the hasher of personal values under the pseudonym key */
    public abstract KeyedHasher hasher();

    /**
     * Writes an audit event as a pending entry inside a unit of work that changes something else, so
     * the change and its entry commit together.
     *
     * @param tx the unit of work, from {@link #storage()}
     * @param event the event; it names the subject only by its keyed reference
     * @return the entry
     */
    public abstract AuditEntry append(StorageTransaction tx, AuditEvent event);

    /**
     * Writes the audit entry of a ledger event, binding the digest of the exact ledger row it records
     * (a copy of a store, made by a tool, re-links what the kit once wrote this way).
     *
     * @param tx the unit of work that appended the ledger entry
     * @param event the audit event
     * @param recorded the ledger entry as appended (with its sequence)
     * @return the entry
     */
    public abstract AuditEntry append(StorageTransaction tx, AuditEvent event, LedgerEntry recorded);

    /**
     * Records a read of protected data in a transaction of the kit's own, as the kit's read-audit mode
     * says: queued and written behind (the default), or committed before it returns.
     *
     * @param event the event of the read
     * @throws dev.consentkit.core.StorageException if it had to be written here and could not be: do not
     *         return the data
     */
    public abstract void recordRead(AuditEvent event);

    /**
     * @param listener hears the audit entries of every later unit of work of the kit (a feature's
     *                 listener, added when the feature is built at start-up)
     */
    public abstract void addAuditListener(AuditListener listener);

    /** @return the kit's clock now, cut to the microseconds every store keeps */
    public final Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param subject a subject
     * @return its pseudonymous reference, as it appears in audit events
     */
    public final KeyedHash subjectRef(SubjectId subject) {
        return hasher().hash("subject", Objects.requireNonNull(subject, "subject").value());
    }

    /** @return the field protector registered on the kit ({@code FieldCrypto}), if any */
    public final Optional<FieldProtector> protector() {
        return feature(FieldProtector.class);
    }

    /**
     * @param type a feature's type
     * @param <T> the type
     * @return the feature of that type installed on this kit, if any
     */
    public final <T> Optional<T> feature(Class<T> type) {
        return Optional.ofNullable(features.get(Objects.requireNonNull(type, "type"))).map(type::cast);
    }

    /**
     * Installs a feature of which a kit has at most one (its field protector, its access monitoring).
     *
     * @param type the feature's type
     * @param feature the feature
     * @param <T> the type
     * @return {@code feature}
     * @throws IllegalStateException if the kit has one of that type already
     */
    public final <T> T install(Class<T> type, T feature) {
        Objects.requireNonNull(type, "type");
        if (features.putIfAbsent(type, type.cast(Objects.requireNonNull(feature, "feature"))) != null) {
            throw new IllegalStateException("this ConsentKit has a " + type.getSimpleName()
                    + " already: build it once per kit and share it");
        }
        return feature;
    }
}
