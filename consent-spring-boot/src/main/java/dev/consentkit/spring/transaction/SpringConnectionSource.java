package dev.consentkit.spring.transaction;

import dev.consentkit.jdbc.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ConsentKit's units of work inside Spring's transactions: a unit run while a Spring-managed
 * transaction holds a connection of this data source ({@code JpaTransactionManager},
 * {@code DataSourceTransactionManager}, {@code @Transactional}, {@code TransactionTemplate}) joins
 * that transaction — a writing unit under a savepoint, so a failed unit leaves the application's work
 * intact — and commits or rolls back with it; outside one, a unit runs in a transaction of the kit's
 * own on a connection from the pool. It never commits, rolls back or closes a connection Spring
 * manages.
 *
 * <pre>{@code
 * SpringConnectionSource source = SpringConnectionSource.of(dataSource);
 * JdbcStorage storage = JdbcStorage.builder(source.pool())
 *         .connectionSource(source)
 *         .ownTransactions(source.ownTransactions())
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Proxies.</b> {@link #of} unwraps Spring's {@link DelegatingDataSource}s
 *       ({@code TransactionAwareDataSourceProxy}, {@code LazyConnectionDataSourceProxy}) to the pool
 *       beneath: the kit's own transactions take connections from the pool, never the application's
 *       current one, and a transaction bound to any data source of the chain is found.</li>
 *   <li><b>Read-only transactions.</b> Reads (checks, history, the consent check of a field open)
 *       join a read-only Spring transaction. A write inside one is refused with
 *       {@link IllegalStateException} naming the problem, on every database alike.</li>
 *   <li><b>Own transactions.</b> Read audits and the audit sequencer always run in transactions of the
 *       kit's own ({@link #ownTransactions()}), on a second connection from the pool while the
 *       application holds one: size the pool for it. Should the pool still hand out a Spring
 *       {@code ConnectionProxy} to the application's current transaction (a proxy that could not be
 *       unwrapped), such a unit joins that transaction instead of committing it.</li>
 *   <li><b>After commit.</b> A Spring transaction in which the kit wrote runs
 *       {@link #afterCommitOfWrites(Runnable) an action} once it committed (the auto-configuration links
 *       the audit entries then); never after a rollback.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SpringConnectionSource implements ConnectionSource {
    private final List<DataSource> chain;
    private final DataSource pool;
    private final ConnectionSource ownJoiningProxies;
    private volatile Runnable afterCommit = () -> { };

    private SpringConnectionSource(List<DataSource> chain) {
        this.chain = List.copyOf(chain);
        this.pool = chain.get(chain.size() - 1);
        this.ownJoiningProxies = new OwnTransactions(this);
    }

    /**
     * @param dataSource the application's data source, as Spring's transaction managers see it; Spring's
     *     delegating proxies are unwrapped to the pool beneath
     * @return the source
     */
    public static SpringConnectionSource of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<DataSource> chain = new ArrayList<>();
        DataSource current = dataSource;
        while (true) {
            if (chain.contains(current)) {
                throw new IllegalArgumentException("the data source delegates to itself");
            }
            chain.add(current);
            if (!(current instanceof DelegatingDataSource delegating) || delegating.getTargetDataSource() == null) {
                return new SpringConnectionSource(chain);
            }
            current = delegating.getTargetDataSource();
        }
    }

    /** @return the pool beneath every Spring proxy of the data source: give it to {@code JdbcStorage.builder} */
    public DataSource pool() {
        return pool;
    }

    /**
     * @return the source of the kit's own transactions (read audits, the sequencer): connections of the
     *     {@link #pool()}, committed by the kit; a Spring {@code ConnectionProxy} to the current Spring
     *     transaction is joined, never committed. Give it to {@code JdbcStorage.Builder.ownTransactions}.
     */
    public ConnectionSource ownTransactions() {
        return ownJoiningProxies;
    }

    /**
     * @param action run once after each Spring transaction in which a unit of the kit wrote has committed
     *     (on the committing thread; what it throws is logged, the commit stands); replaces the action
     *     set before
     */
    public void afterCommitOfWrites(Runnable action) {
        this.afterCommit = Objects.requireNonNull(action, "action");
    }

    @Override
    public Lease acquire(boolean readOnly) throws SQLException {
        Optional<DataSource> key = transactionalKey();
        if (key.isEmpty()) {
            return ownJoiningProxies.acquire(readOnly);
        }
        if (!readOnly && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("ConsentKit cannot write inside a read-only Spring transaction"
                    + " (readOnly = true): record consent, seal or erase in a read-write transaction");
        }
        DataSource dataSource = key.get();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                // a connection bound for synchronisation only, with no transaction to join
                DataSourceUtils.releaseConnection(connection, dataSource);
                return ownJoiningProxies.acquire(readOnly);
            }
            Lease joined = ConnectionSource.join(connection, readOnly);
            return new JoinedLease(joined, readOnly ? null : afterCommit,
                    () -> DataSourceUtils.releaseConnection(connection, dataSource));
        } catch (SQLException | RuntimeException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw e;
        }
    }

    /** The data source of the chain whose connection the current Spring transaction holds, if any. */
    private Optional<DataSource> transactionalKey() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        for (DataSource candidate : chain) {
            if (TransactionSynchronizationManager.getResource(candidate) instanceof ConnectionHolder) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return the action to run after a commit of writes */
    Runnable afterCommit() {
        return afterCommit;
    }

    @Override
    public String toString() {
        return "springTransactions";
    }
}
