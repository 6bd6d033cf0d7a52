package dev.consentkit.examples.guide;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.examples.studio.StudioCatalog;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The example of {@code docs/guide/database.md} and {@code docs/guide/transactions.md}: ConsentKit on the
 * host's database, a client row and their consent committed together, and rolled back together.
 */
public final class DatabaseGuide {
    private DatabaseGuide() {
    }

    /** What the example ends with. */
    public record Outcome(Decision committed, Decision rolledBack, long clientRows) {
    }

    /**
     * @param dataSource the host's database (H2, PostgreSQL or MariaDB)
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the decisions after a committed and a rolled-back booking
     * @throws SQLException if the host's SQL fails
     */
    public static Outcome run(DataSource dataSource, HmacKey auditKey, HmacKey pseudonymKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE client (id VARCHAR(64) PRIMARY KEY)");
        }
        ProcessingCatalog catalog = StudioCatalog.catalog(StudioCatalog.newsletterNotice());
        // snippet:setup
        SchemaInstaller.of(dataSource, "ck_").install();                  // opt-in; or apply the scripts yourself
        JdbcStorage storage = JdbcStorage.builder(dataSource).tablePrefix("ck_").build();
        ConsentKit kit = ConsentKit.builder().catalog(catalog)
                .storage(storage).auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        // end:setup
        PurposeId newsletter = StudioCatalog.NEWSLETTER;
        Evidence evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("booking").build();
        SubjectId client = SubjectId.of("client-1");
        // snippet:bind
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(c)) {              // only this storage joins
                insertClient(c, client);                                  // your SQL
                kit.consent(client, newsletter).evidence(evidence).give(); // same transaction
            }
            c.commit();
        }
        AuditTrail.of(kit).sequence();  // link the committed audit entries now (or on a schedule)
        // end:bind
        SubjectId other = SubjectId.of("client-2");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(c)) {
                insertClient(c, other);
                kit.consent(other, newsletter).evidence(evidence).give();
            }
            c.rollback();
        }
        long rows;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM client")) {
            rs.next();
            rows = rs.getLong(1);
        }
        return new Outcome(kit.check(client, newsletter), kit.check(other, newsletter), rows);
    }

    private static void insertClient(Connection c, SubjectId client) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO client (id) VALUES (?)")) {
            ps.setString(1, client.value());
            ps.executeUpdate();
        }
    }
}
