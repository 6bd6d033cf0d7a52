package dev.consentkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.jdbc.Dialects;
import dev.consentkit.jdbc.testing.DatabaseServer;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On PostgreSQL and MariaDB, the statements consent-jdbc runs reach their rows through an index:
 * the sequencer reads the chain's head from the key, verification finds the entries of a ledger range by index, the audience filter and the
 * suppression match look the ids of the set up, never scanning a table.
 */
class ServerStatementPlanIT {
    @RegisterExtension
    static final DatabaseServer POSTGRES = DatabaseServer.postgres();
    @RegisterExtension
    static final DatabaseServer MARIADB = DatabaseServer.mariaDb();

    private static StatementPlans postgres() throws SQLException {
        return StatementPlans.filled(POSTGRES.freshDatabase().dataSource(), Dialects.POSTGRESQL,
                "ANALYZE ck_projection", "ANALYZE ck_suppression", "ANALYZE ck_audit");
    }

    private static StatementPlans mariaDb() throws SQLException {
        return StatementPlans.filled(MARIADB.freshDatabase().dataSource(), Dialects.MARIADB,
                "ANALYZE TABLE ck_projection", "ANALYZE TABLE ck_suppression", "ANALYZE TABLE ck_audit");
    }

    @Test
    void postgresReadsTheAuditHeadBackwardsFromTheKey() throws SQLException {
        assertThat(postgres().auditHead()).containsPattern("Index (Only )?Scan Backward using ck_audit_pk")
                .doesNotContain("Seq Scan");
    }

    @Test
    void postgresFindsTheEntriesOfALedgerRangeInTheirIndexes() throws SQLException {
        assertThat(postgres().bindings()).contains("ck_audit_ledger_ix").contains("ck_audit_entry_ledger_ix")
                .doesNotContain("Seq Scan on ck_audit ");
    }

    @Test
    void postgresLooksTheAudienceUpInAProjectionIndex() throws SQLException {
        assertThat(postgres().audienceFilter()).contains("Index Scan using ck_projection_").doesNotContain("Seq Scan");
    }

    @Test
    void postgresLooksSuppressedHashesUpInTheKey() throws SQLException {
        assertThat(postgres().suppressionMatch()).contains("using ck_suppression_pk").doesNotContain("Seq Scan");
    }

    @Test
    void mariaDbReadsTheAuditHeadFromTheKey() throws SQLException {
        assertThat(mariaDb().auditHead()).contains("key=PRIMARY").doesNotContain("type=ALL");
    }

    @Test
    void mariaDbFindsTheEntriesOfALedgerRangeInTheirIndexes() throws SQLException {
        assertThat(mariaDb().bindings()).contains("key=ck_audit_ledger_ix").doesNotContain("table=ck_audit type=ALL");
    }

    @Test
    void mariaDbLooksTheAudienceUpInThePrimaryKey() throws SQLException {
        assertThat(mariaDb().audienceFilter().lines().filter(row -> row.contains("table=ck_projection")))
                .singleElement().satisfies(row -> assertThat(row).contains("type=ref").contains("key=PRIMARY"));
    }

    @Test
    void mariaDbLooksSuppressedHashesUpInTheKey() throws SQLException {
        assertThat(mariaDb().suppressionMatch().lines().filter(row -> row.contains("table=ck_suppression")))
                .singleElement().satisfies(row -> assertThat(row).contains("type=ref").contains("key=PRIMARY"));
    }
}
