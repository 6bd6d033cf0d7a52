package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.jdbc.HostTransaction;
import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Fills an empty database with what the kit writes for {@code subjects}: each gave newsletter
 * consent, every {@value #WITHDRAW_EVERY}th then withdrew it.
 *
 * <p>The kit records the events on an in-memory store first, with the benchmarks' catalogue, keys
 * and fixed clock. Ledger events and projection rows are then written through
 * {@link JdbcStorage}'s own repositories (the projection's sequences mapped to the ledger's), and
 * the audit records with a plain batched {@code INSERT}, all in one transaction; the kit's audit
 * verification then proves the copied chain intact. Recording through the JDBC kit directly would
 * write the same rows, but on H2 every audit append scans the whole audit table (see
 * {@code benchmarks/jdbc.md}), which makes 110 000 of them take well over a quarter of an hour.
 */
final class BenchFill {
    static final int WITHDRAW_EVERY = 10;
    private static final int PAGE = 10_000;

    private BenchFill() {
    }

    /**
     * @param pool the database
     * @param storage the kit's storage on it
     * @param kit the kit on that storage
     * @param subjects the subjects, their ids in increasing order
     * @return what was done, for the log
     * @throws SQLException if the database fails
     * @throws IllegalStateException if an earlier fill was interrupted, or the copied chain does not verify
     */
    static String fillIfEmpty(DataSource pool, JdbcStorage storage, ConsentKit kit, SubjectId[] subjects)
            throws SQLException {
        int present;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM ck_projection WHERE purpose_id = ? AND subject_id IN (?, ?)")) {
            ps.setString(1, NEWSLETTER.value());
            ps.setString(2, subjects[0].value());
            ps.setString(3, subjects[subjects.length - 1].value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                present = rs.getInt(1);
            }
        }
        if (present == 2) {
            return "reused from an earlier fill";
        }
        if (present == 1) {
            throw new IllegalStateException("the database holds a partial fill: drop and create it again");
        }
        long start = System.nanoTime();
        InMemoryStorage memory = InMemoryStorage.create();
        record(JdbcBenchCatalog.kit(memory), subjects);
        long recorded = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (HostTransaction.Binding bound = HostTransaction.bind(c)) {
                    storage.inTransaction(tx -> memory.read(from -> copyLedgerAndProjection(from, tx)));
                }
                memory.read(from -> copyAudit(from, c));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE"); // fresh planner statistics, as a database that has lived with these rows would have
        }
        long copied = System.nanoTime();
        AuditVerification verification = kit.audit().verify();
        if (!(verification instanceof AuditVerification.Intact)) {
            throw new IllegalStateException("the copied audit chain does not verify: " + verification);
        }
        return String.format(Locale.ROOT, "filled: recorded in memory in %.1f s, copied in %.1f s, audit chain"
                + " verified in %.1f s", seconds(start, recorded), seconds(recorded, copied), seconds(copied, System.nanoTime()));
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static void record(ConsentKit kit, SubjectId[] subjects) {
        Evidence evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build();
        for (int i = 0; i < subjects.length; i++) {
            kit.consent(subjects[i], NEWSLETTER).locale(JdbcBenchCatalog.LOCALE).evidence(evidence).give();
            if (i % WITHDRAW_EVERY == 0) {
                kit.consent(subjects[i], NEWSLETTER).evidence(evidence).withdraw();
            }
        }
    }

    private static Void copyLedgerAndProjection(StorageTransaction from, StorageTransaction to) {
        List<LedgerEntry> events = new ArrayList<>();
        for (List<LedgerEntry> page = from.ledger().read(0, PAGE); !page.isEmpty();
             page = from.ledger().read(page.get(page.size() - 1).sequence(), PAGE)) {
            events.addAll(page);
        }
        // the database numbers the events itself: map the in-memory sequences onto its own
        long[] sequence = new long[(int) events.get(events.size() - 1).sequence() + 1];
        for (LedgerEntry e : events) {
            sequence[(int) e.sequence()] = to.ledger().append(e.event()).sequence();
        }
        from.projection().forEach(s -> to.projection().put(new ConsentState(s.scope(), s.status(), s.since(),
                s.notice(), s.validUntil(), sequence[(int) s.sequence()], s.restricted(), s.objected())));
        return null;
    }

    private static Void copyAudit(StorageTransaction from, Connection c) {
        try (PreparedStatement ps = c.prepareStatement(RawSql.AUDIT_INSERT)) {
            long next = 1;
            for (List<AuditRecord> page = from.audit().read(next, PAGE); !page.isEmpty();
                 page = from.audit().read(next, PAGE)) {
                for (AuditRecord r : page) {
                    RawSql.bindAudit(ps, r);
                    ps.addBatch();
                    next = r.sequence() + 1;
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("copying the audit chain failed (SQLState " + e.getSQLState() + ")", e);
        }
        return null;
    }
}
