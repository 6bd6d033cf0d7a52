package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.context.KitContext;
import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.jdbc.Dialects;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The baselines of recording a consent: the rows the kit writes for a first consent (ledger event,
 * projection row, pending audit entry with its ledger digest and entry MAC) in one plain JDBC
 * transaction on a pooled connection.
 *
 * <p>Both compute the same values the kit stores — a random event id, the keyed hashes of the
 * subject reference and of the request, the ledger digest and the entry MAC under the audit key (with
 * the public {@link AuditChain}, so the kit's sequencer links the entries into a chain that verifies).
 * {@link #give} is the limit: three statements, skipping what the kit does to stay correct beside
 * other writers — it takes no lock of the subject's scope and inserts the projection row without
 * reading and updating it first. {@link #giveWithKitStatements} runs the kit's statements in its own
 * transaction (the scope lock, the ledger insert, a read of the subject's projection rows, an update
 * that finds none and the insert, the entry insert); what the kit does after its commit (an
 * opportunistic sequencer run) is not part of either. Thread-safe (no state between calls).
 */
final class RawConsentWriter {
    private final BenchDatabase database;
    private final JdbcWorld world;
    private final KeyedHasher hasher;
    private final AuditChain chain = new AuditChain(JdbcBenchCatalog.AUDIT_KEY);
    private final NoticeRef notice = JdbcBenchCatalog.noticeShown();
    private final long now = JdbcBenchCatalog.micros(JdbcBenchCatalog.NOW);
    private final long validUntil = JdbcBenchCatalog.validUntilMicros();
    private final String lockRow;

    /**
     * @param world the filled database
     * @throws SQLException if its dialect cannot be read
     */
    RawConsentWriter(JdbcWorld world) throws SQLException {
        this.database = world.database();
        this.world = world;
        this.hasher = KitContext.of(world.kit()).hasher();
        try (Connection c = world.pool().getConnection()) {
            this.lockRow = Dialects.detect(c.getMetaData()).lockRow("ck_scope_lock");
        }
    }

    /**
     * Records the first consent of a subject in three statements.
     *
     * @param subject a subject with no consent yet
     * @return the ledger sequence of the event
     * @throws SQLException if a statement or the commit fails (the transaction is rolled back)
     */
    long give(String subject) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        return inTransaction(c -> {
            long s = insertEvent(c, eventId, subject);
            try (PreparedStatement ps = c.prepareStatement(RawSql.STATE_INSERT)) {
                bindStateValues(ps, bindScope(ps, 1, subject), s);
                ps.executeUpdate();
            }
            insertEntry(c, subject, eventId, s);
            return s;
        });
    }

    /**
     * Records the first consent of a subject with the kit's statements: the scope lock, the ledger
     * insert, a read of the subject's projection rows, an update that finds none and the insert, and
     * the pending audit entry. What is left between this and the kit is the kit's Java work (and its
     * sequencer run after the commit).
     *
     * @param subject a subject with no consent yet
     * @return the ledger sequence of the event
     * @throws SQLException if a statement or the commit fails (the transaction is rolled back)
     */
    long giveWithKitStatements(String subject) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(lockRow)) {
                ps.setString(1, subject);
                ps.setString(2, NEWSLETTER.value());
                ps.executeUpdate();
            }
            long s = insertEvent(c, eventId, subject);
            try (PreparedStatement ps = c.prepareStatement(RawSql.STATE_FIND)) {
                ps.setString(1, subject);
                ps.setString(2, NEWSLETTER.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("the subject has consent already");
                    }
                }
            }
            int updated;
            try (PreparedStatement ps = c.prepareStatement(RawSql.STATE_UPDATE)) {
                bindScope(ps, bindStateValues(ps, 1, s), subject);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(RawSql.STATE_INSERT)) {
                    bindStateValues(ps, bindScope(ps, 1, subject), s);
                    ps.executeUpdate();
                }
            }
            insertEntry(c, subject, eventId, s);
            return s;
        });
    }

    /** The statements of one transaction. */
    private interface Steps {
        long run(Connection c) throws SQLException;
    }

    /** Runs the steps and commits, on a pooled connection switched out of auto-commit. */
    private long inTransaction(Steps steps) throws SQLException {
        try (Connection c = world.pool().getConnection()) {
            c.setAutoCommit(false);
            try {
                long result = steps.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The pending audit entry: the same keyed hashes, ledger digest and entry MAC the kit computes. */
    private void insertEntry(Connection c, String subject, String eventId, long seq) throws SQLException {
        KeyedHash subjectRef = hasher.hash("subject", subject);
        AuditEvent event = new AuditEvent(JdbcBenchCatalog.NOW, Actor.subject(), AuditAction.CONSENT_GIVEN,
                Optional.of(subjectRef), Optional.of(NEWSLETTER), AuditOutcome.SUCCESS, Optional.of(eventId));
        LedgerBinding ledger = new LedgerBinding(seq, chain.ledgerDigest(storedRow(seq, eventId, subject)));
        try (PreparedStatement ps = c.prepareStatement(RawSql.ENTRY_INSERT)) {
            RawSql.bindEntry(ps, event, ledger, chain.entryMac(event, Optional.of(ledger)));
            ps.executeUpdate();
        }
    }

    /** The ledger row as {@link #bindEvent} stores it, for its digest. */
    private StoredLedgerRow storedRow(long seq, String eventId, String subject) {
        return new StoredLedgerRow(seq, eventId, subject, NEWSLETTER.value(), "", "", "GIVEN", now, now,
                Optional.of(notice.notice().value()), Optional.of(notice.version().toString()),
                Optional.of(notice.locale().toLanguageTag()), Optional.of(notice.textSha256()), "WEB_CHECKBOX",
                Optional.of("signup"), Optional.empty(), Optional.empty(), "SUBJECT", Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.of(validUntil), Optional.empty(), hasher.hash("digest", subject).value());
    }

    private long insertEvent(Connection c, String eventId, String subject) throws SQLException {
        try (PreparedStatement ps = database.prepareInsertReturningSeq(c, RawSql.LEDGER_INSERT)) {
            bindEvent(ps, eventId, subject, hasher.hash("digest", subject).value());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void bindEvent(PreparedStatement ps, String eventId, String subject, String digest) throws SQLException {
        ps.setString(1, eventId);
        ps.setString(2, subject);
        ps.setString(3, NEWSLETTER.value());
        ps.setString(4, "");
        ps.setString(5, "");
        ps.setString(6, "GIVEN");
        ps.setLong(7, now);
        ps.setLong(8, now);
        ps.setString(9, notice.notice().value());
        ps.setString(10, notice.version().toString());
        ps.setString(11, notice.locale().toLanguageTag());
        ps.setString(12, notice.textSha256());
        ps.setString(13, "WEB_CHECKBOX");
        ps.setString(14, "signup");
        ps.setNull(15, Types.VARCHAR);
        ps.setNull(16, Types.VARCHAR);
        ps.setString(17, "SUBJECT");
        ps.setNull(18, Types.VARCHAR);
        ps.setNull(19, Types.VARCHAR);
        ps.setNull(20, Types.VARCHAR);
        ps.setLong(21, validUntil);
        ps.setNull(22, Types.VARCHAR);
        ps.setString(23, digest);
    }

    /** Binds the key of a whole-purpose projection row from {@code i}; returns the next index. */
    private static int bindScope(PreparedStatement ps, int i, String subject) throws SQLException {
        ps.setString(i, subject);
        ps.setString(i + 1, NEWSLETTER.value());
        ps.setString(i + 2, "");
        ps.setString(i + 3, "");
        return i + 4;
    }

    /** Binds the values of a first consent's projection row from {@code i}; returns the next index. */
    private int bindStateValues(PreparedStatement ps, int i, long seq) throws SQLException {
        ps.setString(i, "GIVEN");
        ps.setLong(i + 1, now);
        ps.setString(i + 2, notice.notice().value());
        ps.setString(i + 3, notice.version().toString());
        ps.setString(i + 4, notice.locale().toLanguageTag());
        ps.setString(i + 5, notice.textSha256());
        ps.setLong(i + 6, validUntil);
        ps.setLong(i + 7, seq);
        ps.setBoolean(i + 8, false);
        ps.setBoolean(i + 9, false);
        return i + 10;
    }
}
