package dev.consentkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.jdbc.Dialects;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On H2, the statements consent-jdbc runs reach their rows through an index: appending an audit link
 * reads the chain's head from the key instead of scanning the audit table (it used to, and a consent
 * then cost milliseconds growing with the log), and the audience filter and the suppression match
 * look each id up instead of comparing every row of a purpose with every id of the set.
 */
class H2StatementPlanTest {
    private static StatementPlans plans;

    @BeforeAll
    static void fill() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:plans" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        plans = StatementPlans.filled(ds, Dialects.H2, "ANALYZE");
    }

    @Test
    void theSequencerReadsTheHeadFromTheKey() throws SQLException {
        String plan = plans.auditHead();

        assertThat(plan).contains("PRIMARY_KEY").contains("index sorted");
    }

    @Test
    void verificationFindsTheEntriesOfALedgerRangeInTheirIndexes() throws SQLException {
        String plan = plans.bindings();

        assertThat(plan).contains("CK_AUDIT_LEDGER_IX").contains("CK_AUDIT_ENTRY_LEDGER_IX");
    }

    @Test
    void audienceFilterLooksEachIdUpInAnIndex() throws SQLException {
        String plan = plans.audienceFilter();

        assertThat(plan).contains("UNNEST").containsPattern("SUBJECT_ID = U\\.V\\s+\\*/");
    }

    @Test
    void suppressionMatchLooksEachHashUpInTheKey() throws SQLException {
        String plan = plans.suppressionMatch();

        assertThat(plan).contains("UNNEST").containsPattern("HASH = U\\.V\\s+\\*/");
    }

    @Test
    void audienceFilterAnswersOncePerSubjectOfTheSet() throws SQLException {
        List<String> found = plans.run(plans.sql().projection.stateFindAll, (c, ps) -> {
            Dialects.H2.bindSet(c, ps, 1, List.of(StatementPlans.subject(7), StatementPlans.subject(9999), "unknown"));
            ps.setString(2, "newsletter");
        });

        assertThat(found).containsExactlyInAnyOrder(StatementPlans.subject(7), StatementPlans.subject(9999));
    }
}
