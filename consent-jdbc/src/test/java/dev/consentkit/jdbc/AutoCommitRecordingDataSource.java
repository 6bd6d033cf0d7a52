package dev.consentkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool stand-in that hands out connections in a configured auto-commit mode (as a pool configured
 * with {@code autoCommit=false} does) and records, per connection, every call that changes transaction
 * state: {@code setAutoCommit}, {@code commit}, {@code rollback}, and the auto-commit mode it was
 * returned in. Thread-safe.
 */
final class AutoCommitRecordingDataSource implements DataSource {
    private final DataSource delegate;
    private final boolean autoCommit;
    private final List<List<String>> connections = Collections.synchronizedList(new ArrayList<>());

    AutoCommitRecordingDataSource(DataSource delegate, boolean autoCommit) {
        this.delegate = delegate;
        this.autoCommit = autoCommit;
    }

    /** @return per connection handed out, the transaction calls made on it, then {@code closed autoCommit=x} */
    List<List<String>> connections() {
        synchronized (connections) {
            return connections.stream().map(List::copyOf).toList();
        }
    }

    void clear() {
        connections.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = delegate.getConnection();
        real.setAutoCommit(autoCommit);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        connections.add(calls);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setAutoCommit" -> calls.add("setAutoCommit(" + args[0] + ")");
                        case "commit", "rollback" -> calls.add(method.getName() + (args == null ? "" : "(savepoint)"));
                        case "close" -> calls.add("closed autoCommit=" + real.getAutoCommit());
                        default -> {
                            // not a change of transaction state
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the test pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
