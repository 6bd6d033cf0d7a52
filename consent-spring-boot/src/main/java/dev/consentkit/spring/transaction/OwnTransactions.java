package dev.consentkit.spring.transaction;

import dev.consentkit.jdbc.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The kit's own transactions on the pool of a {@link SpringConnectionSource}; a Spring
 * {@link ConnectionProxy} that turns out to be the current Spring transaction's connection (a
 * transaction-aware proxy the unwrapping could not see) is joined, never committed. Thread-safe.
 */
final class OwnTransactions implements ConnectionSource {
    private final SpringConnectionSource spring;
    private final ConnectionSource own;

    OwnTransactions(SpringConnectionSource spring) {
        this.spring = spring;
        this.own = ConnectionSource.ownTransactions(spring.pool());
    }

    @Override
    public Lease acquire(boolean readOnly) throws SQLException {
        Lease lease = own.acquire(readOnly);
        try {
            if (!inCurrentSpringTransaction(lease.connection())) {
                return lease;
            }
            // the own-transaction lease changed nothing on a connection already in a transaction
            // (auto-commit off): only its close, which gives the proxy back, is kept
            return new JoinedLease(ConnectionSource.join(lease.connection(), readOnly),
                    readOnly ? null : spring.afterCommit(), lease::close);
        } catch (SQLException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Whether {@code c} is a proxy to the connection a current Spring transaction holds. */
    static boolean inCurrentSpringTransaction(Connection c) {
        if (!(c instanceof ConnectionProxy) || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        Connection target = DataSourceUtils.getTargetConnection(c);
        for (Map.Entry<Object, Object> bound : TransactionSynchronizationManager.getResourceMap().entrySet()) {
            if (bound.getKey() instanceof DataSource ds && DataSourceUtils.isConnectionTransactional(target, ds)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ownTransactions(joining Spring's transactional proxies)";
    }
}
