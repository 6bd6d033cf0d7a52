package dev.consentkit.jdbc.internal;

import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.rights.RequestStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit of work on one connection: it hands out its stores, each one file with its statements and
 * row mapping ({@link JdbcLedgerStore}, {@link JdbcProjectionStore} with the scope locks,
 * {@link JdbcSuppressionStore}, {@link JdbcAuditStore}, and the feature stores through {@link #port}),
 * all on the same {@link Jdbc} runner. Not API. Not thread-safe.
 */
public final class JdbcUnit implements StorageTransaction {
    /** How many ids one bulk statement carries. */
    static final int SET_CHUNK = 10_000;
    private final Jdbc jdbc;
    private final Tables sql;
    private final boolean writable;
    private final boolean ownsTransaction;
    private final JdbcProjectionStore projection;
    private final JdbcLedgerStore ledger;
    private final JdbcSuppressionStore suppression;
    private AuditStore audit;
    private KeyStore keys;
    private BlindIndexStore blindIndexes;
    private AlertStore alerts;
    private JdbcRetentionStore retentionStore;
    private RequestStore requests;
    private BreachStore breaches;

    /**
     * @param jdbc the statement runner on the unit's connection
     * @param sql the table prefix and the consent stores' statements
     * @param writable whether writes are allowed
     * @param ownsTransaction whether the unit commits by itself (false when it joined the host's)
     */
    public JdbcUnit(Jdbc jdbc, Tables sql, boolean writable, boolean ownsTransaction) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.writable = writable;
        this.ownsTransaction = ownsTransaction;
        this.projection = new JdbcProjectionStore(jdbc, sql.projection, writable, this::checkWritable);
        this.ledger = new JdbcLedgerStore(jdbc, sql.ledger, this::checkWritable, projection::appended);
        this.suppression = new JdbcSuppressionStore(jdbc, sql.suppression, this::checkWritable);
    }

    @Override
    public boolean ownsTransaction() {
        return ownsTransaction;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public ProjectionStore projection() {
        return projection;
    }

    @Override
    public SuppressionStore suppression() {
        return suppression;
    }

    @Override
    public AuditStore audit() {
        if (audit == null) {
            audit = new JdbcAuditStore(jdbc, sql.audit, this::checkWritable);
        }
        return audit;
    }

    private KeyStore keys() {
        if (keys == null) {
            keys = new JdbcKeyStore(jdbc, sql.prefix(), this::checkWritable);
        }
        return keys;
    }

    private BlindIndexStore blindIndexes() {
        if (blindIndexes == null) {
            blindIndexes = new JdbcBlindIndexStore(jdbc, sql.prefix(), writable);
        }
        return blindIndexes;
    }

    private AlertStore alerts() {
        if (alerts == null) {
            alerts = new JdbcAlertStore(jdbc, sql.prefix(), writable);
        }
        return alerts;
    }

    private dev.consentkit.core.retention.RetentionStore retention() {
        if (retentionStore == null) {
            retentionStore = new JdbcRetentionStore(jdbc, sql.prefix(), writable);
        }
        return retentionStore;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        Objects.requireNonNull(type, "type");
        // every port of every feature: the schema holds their tables
        Object port = type == KeyStore.class ? keys()
                : type == BlindIndexStore.class ? blindIndexes()
                : type == AlertStore.class ? alerts()
                : type == dev.consentkit.core.retention.RetentionStore.class ? retention()
                : type == HoldStore.class ? holds()
                : type == RequestStore.class ? requests()
                : type == BreachStore.class ? breaches()
                : null;
        return Optional.ofNullable(port).map(type::cast);
    }

    /**
     * @return the unit's connection, for a host's statements that must commit with the unit; the unit
     *         sends what it deferred first and defers nothing afterwards, so their order holds
     */
    public java.sql.Connection connection() {
        return jdbc.connectionForHost();
    }

    /** @return the unit's statement runner (its lease sends or forgets what is deferred at the end) */
    public Jdbc jdbc() {
        return jdbc;
    }

    private HoldStore holds() {
        return new JdbcHoldStore(jdbc, sql.prefix(), writable);
    }

    private RequestStore requests() {
        if (requests == null) {
            requests = new JdbcRequestStore(jdbc, sql.prefix(), writable);
        }
        return requests;
    }

    private BreachStore breaches() {
        if (breaches == null) {
            breaches = new JdbcBreachStore(jdbc, sql.prefix(), this::checkWritable);
        }
        return breaches;
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    /** @throws IllegalArgumentException if a page's limit is not positive */
    static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** @return the distinct values in chunks of {@link #SET_CHUNK}, one bulk statement each */
    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SET_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SET_CHUNK)));
        }
        return chunks;
    }
}
