package dev.consentkit.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starts the real servers and shows what every JDBC integration test relies on: a fresh database
 * stores and returns text exactly, two fresh databases do not see each other, and the
 * coordinates work with plain JDBC for a user who is no administrator.
 */
class DatabaseServersIT {
    /** Beyond Latin-1, and a 4-byte character that MariaDB's 3-byte {@code utf8} would reject. */
    private static final String TEXT = "Zoë in Łódź — 東京 ✓ 🙂";
    private static final String ID = "Subject-42-AbC";

    // Each server's tests have their own names: Failsafe's totals merge same-named tests of
    // @Nested classes as if they were reruns, miscounting a run where one server is skipped.

    @Nested
    class OnPostgres {
        @RegisterExtension
        static final DatabaseServer POSTGRES = DatabaseServer.postgres();

        private final Scenarios scenarios = new Scenarios(POSTGRES, "PostgreSQL",
                "CREATE TABLE note (id VARCHAR(64) PRIMARY KEY, body VARCHAR(200) NOT NULL)");

        @Test
        void postgresReturnsTextExactlyAsStored() throws SQLException {
            scenarios.textComesBackExactlyAsStored();
        }

        @Test
        void postgresFreshDatabasesDoNotSeeEachOther() throws SQLException {
            scenarios.freshDatabasesDoNotSeeEachOther();
        }

        @Test
        void postgresServesPlainJdbcToAUserWhoIsNoAdministrator() throws SQLException {
            scenarios.plainJdbcReachesTheSameDatabaseAsAUserWhoIsNoAdministrator();
        }

        @Test
        void postgresReportsItsVersion() throws SQLException {
            scenarios.reportsTheServerItRuns();
        }
    }

    @Nested
    class OnMariaDb {
        @RegisterExtension
        static final DatabaseServer MARIADB = DatabaseServer.mariaDb();

        private final Scenarios scenarios = new Scenarios(MARIADB, "MariaDB", "CREATE TABLE note"
                + " (id VARCHAR(64) COLLATE utf8mb4_bin PRIMARY KEY,"
                + " body VARCHAR(200) NOT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");

        @Test
        void mariaDbReturnsTextExactlyAsStored() throws SQLException {
            scenarios.textComesBackExactlyAsStored();
        }

        @Test
        void mariaDbFreshDatabasesDoNotSeeEachOther() throws SQLException {
            scenarios.freshDatabasesDoNotSeeEachOther();
        }

        @Test
        void mariaDbServesPlainJdbcToAUserWhoIsNoAdministrator() throws SQLException {
            scenarios.plainJdbcReachesTheSameDatabaseAsAUserWhoIsNoAdministrator();
        }

        @Test
        void mariaDbReportsItsVersion() throws SQLException {
            scenarios.reportsTheServerItRuns();
        }

        @Test
        void mariaDbDefaultCollationIgnoresCaseAsOnDebiansServerSoDdlMustPinABinaryOne()
                throws SQLException {
            try (Connection connection = MARIADB.freshDatabase().dataSource().getConnection()) {
                execute(connection, "CREATE TABLE loose (id VARCHAR(64) PRIMARY KEY)");
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO loose (id) VALUES (?)")) {
                    insert.setString(1, ID);
                    insert.executeUpdate();
                }
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT id FROM loose WHERE id = ?")) {
                    select.setString(1, ID.toLowerCase(Locale.ROOT));
                    try (ResultSet rows = select.executeQuery()) {
                        assertThat(rows.next()).as("case-insensitive match").isTrue();
                        assertThat(rows.getString(1)).isEqualTo(ID);
                    }
                }
            }
        }
    }

    /** What both servers must do, given the server and its DDL for the {@code note} table. */
    private static final class Scenarios {
        private final DatabaseServer server;
        private final String productName;
        private final String createNote;

        Scenarios(DatabaseServer server, String productName, String createNote) {
            this.server = server;
            this.productName = productName;
            this.createNote = createNote;
        }

        void textComesBackExactlyAsStored() throws SQLException {
            try (Connection connection = server.freshDatabase().dataSource().getConnection()) {
                execute(connection, createNote);
                insertNote(connection, ID, TEXT);

                assertThat(bodyOf(connection, ID)).contains(TEXT);
                assertThat(bodyOf(connection, ID.toLowerCase(Locale.ROOT))).isEmpty();
                assertThat(bodyOf(connection, ID.toUpperCase(Locale.ROOT))).isEmpty();
            }
        }

        void freshDatabasesDoNotSeeEachOther() throws SQLException {
            TestDatabase first = server.freshDatabase();
            TestDatabase second = server.freshDatabase();
            assertThat(first.name()).isNotEqualTo(second.name());

            try (Connection one = first.dataSource().getConnection();
                    Connection two = second.dataSource().getConnection()) {
                execute(one, createNote);
                insertNote(one, ID, TEXT);

                assertThatThrownBy(() -> bodyOf(two, ID))
                        .as("the table exists only in the first database")
                        .isInstanceOf(SQLException.class);

                execute(two, createNote);
                assertThat(bodyOf(two, ID)).isEmpty();
                insertNote(two, ID, "second");
                assertThat(bodyOf(one, ID)).contains(TEXT);
                assertThat(bodyOf(two, ID)).contains("second");
            }
        }

        void plainJdbcReachesTheSameDatabaseAsAUserWhoIsNoAdministrator() throws SQLException {
            TestDatabase database = server.freshDatabase();
            try (Connection viaDataSource = database.dataSource().getConnection()) {
                execute(viaDataSource, createNote);
                insertNote(viaDataSource, ID, TEXT);
            }
            try (Connection plain = DriverManager.getConnection(
                    database.jdbcUrl(), database.user(), database.password())) {
                assertThat(bodyOf(plain, ID)).contains(TEXT);
                assertThat(single(plain, "SELECT CURRENT_USER")).startsWith(database.user());
                assertThatThrownBy(() -> execute(plain, "CREATE DATABASE intruder"))
                        .as("the test user cannot create databases")
                        .isInstanceOf(SQLException.class);
            }
            assertThat(database.toString())
                    .contains(database.jdbcUrl())
                    .doesNotContain(database.password());
        }

        void reportsTheServerItRuns() throws SQLException {
            try (Connection connection = server.freshDatabase().dataSource().getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                String version = Objects.requireNonNull(single(connection, "SELECT VERSION()"));
                System.out.println("[DatabaseServersIT] " + productName + " server: " + version);

                assertThat(meta.getDatabaseProductName()).containsIgnoringCase(productName);
                assertThat(meta.getDatabaseMajorVersion()).isPositive();
                assertThat(meta.getURL()).startsWith("jdbc:").contains("127.0.0.1");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void insertNote(Connection connection, String id, String body)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO note (id, body) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, body);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static Optional<String> bodyOf(Connection connection, String id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT body FROM note WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
