package dev.consentkit.crypto;

import dev.consentkit.jdbc.Dialects;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An embedded H2 database as ConsentKit left it at schema version 3, before blind-index entries had
 * a version, group or field: the shipped scripts v1 to v3 run statement by statement, as a
 * migration tool runs them. The installer then upgrades it to the current version.
 */
final class LegacyH2 {
    private LegacyH2() {
    }

    /** @return a new database at schema version 3, prefix {@code ck_} */
    static JdbcDataSource atVersion3() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        for (int version = 1; version <= 3; version++) {
            String path = SchemaInstaller.scriptPath(Dialects.H2, version);
            try (InputStream in = LegacyH2.class.getClassLoader().getResourceAsStream(path)) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", "ck_");
                StringBuilder statement = new StringBuilder();
                for (String line : script.split("\n")) {
                    if (line.strip().startsWith("--")) {
                        continue;
                    }
                    statement.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        sql(ds, statement.toString().strip().replaceAll(";$", ""));
                        statement.setLength(0);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ds;
    }

    /** Runs one statement on its own connection. */
    static void sql(JdbcDataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + statement, e);
        }
    }
}
