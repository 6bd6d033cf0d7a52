package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditChain;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.NoticeRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;

/**
 * The baselines of recording a consent: the rows the kit writes for a first consent (writer turn,
 * ledger event, projection row, audit link) in one plain JDBC transaction on a pooled connection.
 *
 * <p>Both compute the same values the kit stores — a random event id, the keyed hashes of the
 * subject reference and of the request, the audit link under the audit key (with the public
 * {@link AuditChain}, so the chain stays verifiable). {@link #give} is the limit: four statements,
 * skipping what the kit does to stay correct beside other writers — it keeps the chain's head in
 * memory instead of reading it, inserts the projection row without reading and updating it first,
 * and appends the link with a plain {@code INSERT}. {@link #giveWithKitStatements} runs the kit's
 * seven. Both keep the head in memory, which is safe only for one writer thread. Not thread-safe.
 */
final class RawConsentWriter {
    private final BenchDatabase database;
    private final JdbcWorld world;
    private final KeyedHasher hasher;
    private final AuditChain chain = new AuditChain(JdbcBenchCatalog.AUDIT_KEY);
    private final NoticeRef notice = JdbcBenchCatalog.noticeShown();
    private final long now = JdbcBenchCatalog.micros(JdbcBenchCatalog.NOW);
    private final long validUntil = JdbcBenchCatalog.validUntilMicros();
    private AuditRecord head;

    /**
     * @param world the filled database; the writer reads the chain's head once, here
     * @throws SQLException if that read fails
     */
    RawConsentWriter(JdbcWorld world) throws SQLException {
        this.database = world.database();
        this.world = world;
        this.hasher = world.kit().hasher();
        long seq;
        try (Connection c = world.pool().getConnection(); PreparedStatement ps = c.prepareStatement(RawSql.AUDIT_HEAD);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        this.head = world.kit().audit().records(seq, 1).get(0);
    }

    /**
     * Records the first consent of a subject in four statements.
     *
     * @param subject a subject with no consent yet
     * @return the ledger sequence of the event
     * @throws SQLException if a statement or the commit fails (the transaction is rolled back)
     */
    long give(String subject) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        AuditRecord link = link(subject, eventId);
        long seq = inTransaction(c -> {
            long s = insertEvent(c, eventId, subject);
            try (PreparedStatement ps = c.prepareStatement(RawSql.STATE_INSERT)) {
                bindStateValues(ps, bindScope(ps, 1, subject), s);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(RawSql.AUDIT_INSERT)) {
                RawSql.bindAudit(ps, link);
                ps.executeUpdate();
            }
            return s;
        });
        head = link;
        return seq;
    }

    /**
     * Records the first consent of a subject with the kit's seven statements: the writer turn, the
     * ledger insert, a read of the subject's projection rows, an update that finds none and the
     * insert, a read of the chain's head, and the head-conditioned append
     * ({@link RawSql#AUDIT_INSERT_AFTER_HEAD}, the kit's statement). What is left between this and
     * the kit is the kit's Java work.
     *
     * @param subject a subject with no consent yet
     * @return the ledger sequence of the event
     * @throws SQLException if a statement or the commit fails (the transaction is rolled back)
     * @throws IllegalStateException if the head read is not the head this writer appended
     */
    long giveWithKitStatements(String subject) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        AuditRecord link = link(subject, eventId);
        long seq = inTransaction(c -> {
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
            try (PreparedStatement ps = c.prepareStatement(RawSql.AUDIT_HEAD_ROW); ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != head.sequence() || !rs.getString(11).equals(head.link())) {
                    throw new IllegalStateException("another writer moved the audit head");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(RawSql.AUDIT_INSERT_AFTER_HEAD)) {
                RawSql.bindAudit(ps, link);
                ps.setLong(12, head.sequence());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("the audit append found another head");
                }
            }
            return s;
        });
        head = link;
        return seq;
    }

    /** The statements of one transaction. */
    private interface Steps {
        long run(Connection c) throws SQLException;
    }

    /** Takes the writer turn, runs the steps and commits, on a pooled connection switched out of auto-commit. */
    private long inTransaction(Steps steps) throws SQLException {
        try (Connection c = world.pool().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(RawSql.WRITER_TURN)) {
                    ps.executeUpdate();
                }
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

    /** The next audit record: the same keyed hashes and link the kit computes. */
    private AuditRecord link(String subject, String eventId) {
        KeyedHash subjectRef = hasher.hash("subject", subject);
        return chain.next(Optional.of(head), new AuditEvent(JdbcBenchCatalog.NOW, Actor.subject(),
                AuditAction.CONSENT_GIVEN, Optional.of(subjectRef), Optional.of(NEWSLETTER), AuditOutcome.SUCCESS,
                Optional.of(eventId)));
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
