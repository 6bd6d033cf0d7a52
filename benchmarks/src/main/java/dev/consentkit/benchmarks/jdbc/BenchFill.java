package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Fills an empty database with what the kit writes for {@code subjects}: each gave newsletter
 * consent, every {@value #WITHDRAW_EVERY}th then withdrew it.
 *
 * <p>The kit records the events on an in-memory store first, with the benchmarks' catalogue, keys
 * and fixed clock. Ledger events, projection rows and audit entries are then written through
 * {@link JdbcStorage}'s own repositories in one transaction (the projection's sequences mapped to the
 * ledger's, each entry binding the database's ledger row); the kit's audit verification then links
 * the entries into the chain and proves it intact. Recording through the JDBC kit directly would
 * write the same rows one unit of work at a time, which takes far longer for 110 000 of them.
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
        storage.inTransaction(tx -> memory.read(from -> copy(from, tx, kit)));
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE"); // fresh planner statistics, as a database that has lived with these rows would have
        }
        long copied = System.nanoTime();
        AuditVerification verification = AuditTrail.of(kit).verify();
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

    /** Ledger, projection and audit entries in one unit; the entries bind the database's ledger rows. */
    private static Void copy(StorageTransaction from, StorageTransaction to, ConsentKit kit) {
        List<LedgerEntry> events = new ArrayList<>();
        for (List<LedgerEntry> page = Reads.entries(from, 0, PAGE); !page.isEmpty();
             page = Reads.entries(from, page.get(page.size() - 1).sequence(), PAGE)) {
            events.addAll(page);
        }
        // the database numbers the events itself: map the in-memory sequences onto its own
        long[] sequence = new long[(int) events.get(events.size() - 1).sequence() + 1];
        Map<String, LedgerEntry> byEventId = new HashMap<>();
        for (LedgerEntry e : events) {
            LedgerEntry copied = to.ledger().append(e.event());
            sequence[(int) e.sequence()] = copied.sequence();
            byEventId.put(e.event().id().toString(), copied);
        }
        for (Purpose p : kit.catalog().purposes()) {
            from.projection().forPurpose(p.id(), s -> to.projection().put(new ConsentState(s.scope(), s.status(),
                    s.since(), s.notice(), s.validUntil(), sequence[(int) s.sequence()], s.restricted(), s.objected())));
        }
        // the entries as pending ones: the kit's sequencer links them when the fill verifies the chain
        for (List<StoredAuditRow> page = from.audit().read(1, PAGE); !page.isEmpty();
             page = from.audit().read(page.get(page.size() - 1).sequence() + 1, PAGE)) {
            for (StoredAuditRow r : page) {
                AuditRecord record = AuditChain.parse(r);
                LedgerEntry recorded = record.event().reference().map(byEventId::get).orElse(null);
                if (record.ledger().isPresent() && recorded != null) {
                    KitContext.of(kit).append(to, record.event(), recorded);
                } else {
                    KitContext.of(kit).append(to, record.event());
                }
            }
        }
        return null;
    }
}
