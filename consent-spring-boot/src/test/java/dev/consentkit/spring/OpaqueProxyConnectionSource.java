package dev.consentkit.spring;

import dev.consentkit.spring.transaction.SpringConnectionSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A kit whose data source hands out Spring {@code ConnectionProxy}s to the current transaction through a
 * wrapper Spring's unwrapping cannot see: the proxies reach the kit's own-transaction mode.
 */
@Configuration(proxyBeanMethods = false)
class OpaqueProxyConnectionSource {
    @Bean
    SpringConnectionSource consentKitConnectionSource(DataSource pool) {
        return SpringConnectionSource.of(new Opaque(new TransactionAwareDataSourceProxy(pool)));
    }

    /** Not a Spring DelegatingDataSource: a wrapper of the application's own. */
    static final class Opaque implements DataSource {
        private final DataSource target;

        Opaque(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
