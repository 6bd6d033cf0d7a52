package dev.consentkit.jdbc.internal;

import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The raw reads (of the ledger, projection and audit ports) that verify the ledger and the projection against the audit chain, in pages on the
 * tables' indexes: the ledger by sequence (primary key) and by subject ({@code ledger_subject_ix}),
 * the projection by subject (primary key), the entries binding a ledger range
 * ({@code audit_ledger_ix}, {@code audit_entry_ledger_ix}). Not API. Not thread-safe: one per unit.
 */
final class JdbcIntegrityStore {
    private static final int IN_CHUNK = 500;
    private final Jdbc jdbc;
    private final Sql sql;

    JdbcIntegrityStore(Jdbc jdbc, Sql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    List<StoredLedgerRow> ledgerRows(long afterSequence, int limit) {
        checkLimit(limit);
        return jdbc.query(sql.ledgerPage, ps -> {
            ps.setLong(1, afterSequence);
            ps.setInt(2, limit);
        }, Rows::storedLedger, "read " + sql.prefix() + "ledger");
    }

    List<StoredLedgerRow> ledgerRowsAt(Collection<Long> sequences) {
        List<Long> seqs = new ArrayList<>(new LinkedHashSet<>(sequences));
        List<StoredLedgerRow> found = new ArrayList<>();
        for (int from = 0; from < seqs.size(); from += IN_CHUNK) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + IN_CHUNK));
            found.addAll(jdbc.query(sql.ledgerAt(chunk.size()), ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
            }, Rows::storedLedger, "read " + sql.prefix() + "ledger by sequence"));
        }
        found.sort(java.util.Comparator.comparingLong(StoredLedgerRow::sequence));
        return found;
    }

    List<String> ledgerSubjects(Optional<String> after, int limit) {
        checkLimit(limit);
        return after.isPresent()
                ? jdbc.query(sql.ledgerSubjectsAfter, ps -> {
                    ps.setString(1, after.get());
                    ps.setInt(2, limit);
                }, rs -> rs.getString(1), "page subjects of " + sql.prefix() + "ledger")
                : jdbc.query(sql.ledgerSubjectsFirst, ps -> ps.setInt(1, limit), rs -> rs.getString(1),
                        "page subjects of " + sql.prefix() + "ledger");
    }

    List<StoredLedgerRow> ledgerRowsOf(Collection<String> subjects) {
        List<StoredLedgerRow> rows = new ArrayList<>();
        for (List<String> chunk : chunks(subjects)) {
            jdbc.stream(sql.ledgerRowsOf, ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk),
                    Rows::storedLedger, rows::add, "read " + sql.prefix() + "ledger by subjects");
        }
        return rows;
    }

    List<StoredProjectionRow> projectionRowsOf(Collection<String> subjects) {
        List<StoredProjectionRow> rows = new ArrayList<>();
        for (List<String> chunk : chunks(subjects)) {
            jdbc.stream(sql.stateRowsOf, ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk),
                    Rows::storedState, rows::add, "read " + sql.prefix() + "projection by subjects");
        }
        return rows;
    }

    List<String> projectionOrphans(Optional<String> after, int limit) {
        checkLimit(limit);
        String what = "page subjects of " + sql.prefix() + "projection without ledger rows";
        return after.isPresent()
                ? jdbc.query(sql.orphansAfter, ps -> {
                    ps.setString(1, after.get());
                    ps.setInt(2, limit);
                }, rs -> rs.getString(1), what)
                : jdbc.query(sql.orphansFirst, ps -> ps.setInt(1, limit), rs -> rs.getString(1), what);
    }

    List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        checkLimit(limit);
        return jdbc.query(sql.bindings, ps -> {
            ps.setLong(1, fromLedgerSequence);
            ps.setLong(2, toLedgerSequence);
            ps.setLong(3, fromLedgerSequence);
            ps.setLong(4, toLedgerSequence);
            ps.setInt(5, limit);
        }, Rows::storedAudit, "read the entries binding " + sql.prefix() + "ledger rows");
    }

    long legacyLedgerUntil() {
        return jdbc.queryOne(sql.legacyLedgerUntil, ps -> { }, rs -> rs.getLong(1),
                "read " + sql.prefix() + "audit_sequencer").orElse(0L);
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += JdbcUnit.SET_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + JdbcUnit.SET_CHUNK)));
        }
        return chunks;
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
