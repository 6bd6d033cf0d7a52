package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.core.StorageException;
import dev.consentkit.jdbc.internal.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in installer of ConsentKit's tables: applies the schema scripts shipped in the jar
 * ({@code dev/consentkit/jdbc/schema/v<N>/<dialect>.sql}) that the database lacks, under a lock, and
 * records each applied version in {@code <prefix>schema_version}.
 *
 * <p>Hosts that manage their schema with Flyway or Liquibase apply the same scripts instead (see the
 * README); the scripts record their version themselves, so both routes end in the same state.
 * Thread-safe.
 */
public final class SchemaInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
    private final DataSource dataSource;
    private final String prefix;
    private final Dialect dialect;

    private SchemaInstaller(DataSource dataSource, String prefix, Dialect dialect) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.dialect = dialect;
    }

    /**
     * @param dataSource the host's pool
     * @param tablePrefix the table prefix, as given to {@link JdbcStorage.Builder#tablePrefix}
     * @return an installer whose dialect is detected from the database
     * @throws IllegalArgumentException if the prefix is malformed
     */
    public static SchemaInstaller of(DataSource dataSource, String tablePrefix) {
        return new SchemaInstaller(Objects.requireNonNull(dataSource, "dataSource"), Tables.checkPrefix(tablePrefix), null);
    }

    /**
     * @param dialect the dialect to use instead of detecting it
     * @return a copy using that dialect
     */
    public SchemaInstaller withDialect(Dialect dialect) {
        return new SchemaInstaller(dataSource, prefix, Objects.requireNonNull(dialect, "dialect"));
    }

    /**
     * Applies every missing schema version.
     *
     * @return the versions applied now, possibly none
     * @throws StorageException if the database fails, or its schema is newer than this library's
     */
    public List<Integer> install() {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialect != null ? dialect : Dialects.detect(c.getMetaData());
            String lock = "consentkit_schema_" + prefix;
            d.lockSchema(c, lock);
            try {
                return applyMissing(c, d);
            } finally {
                d.unlockSchema(c, lock);
            }
        } catch (SQLException e) {
            throw new StorageException("installing the ConsentKit schema failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private List<Integer> applyMissing(Connection c, Dialect d) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            int installed = JdbcStorage.installedVersion(c, d, new Tables(prefix, d));
            if (installed > JdbcStorage.SCHEMA_VERSION) {
                throw new StorageException("the database has ConsentKit schema version " + installed
                        + ", newer than this library's " + JdbcStorage.SCHEMA_VERSION + ": upgrade ConsentKit", null);
            }
            List<Integer> applied = new ArrayList<>();
            for (int v = installed + 1; v <= JdbcStorage.SCHEMA_VERSION; v++) {
                try (Statement st = c.createStatement()) {
                    for (String statement : statements(script(d, v))) {
                        st.execute(statement);
                    }
                }
                c.commit();
                applied.add(v);
                LOG.info("ConsentKit schema version {} installed ({} tables with prefix {})", v, d.name(), prefix);
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * @param dialect a dialect
     * @param version a schema version
     * @return the script text with the prefix filled in
     * @throws StorageException if the jar has no script for them
     */
    String script(Dialect dialect, int version) {
        String path = scriptPath(dialect, version);
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StorageException("no schema script " + path + " on the class path", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
        } catch (IOException e) {
            throw new StorageException("could not read schema script " + path, e);
        }
    }

    /**
     * @param dialect a dialect
     * @param version a schema version
     * @return the class-path location of its script
     */
    public static String scriptPath(Dialect dialect, int version) {
        return "dev/consentkit/jdbc/schema/v" + version + "/" + dialect.name() + ".sql";
    }

    /** Splits a script into statements at semicolons ending a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "SchemaInstaller[prefix " + prefix + (dialect == null ? "" : ", " + dialect.name()) + "]";
    }
}
