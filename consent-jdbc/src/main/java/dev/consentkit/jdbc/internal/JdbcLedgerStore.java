package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.jdbc.spi.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ledger ({@code <prefix>ledger}, append-only: no UPDATE and no DELETE here): its statements, and
 * its rows bound and read by column position (the positions are computed from {@link #LEDGER_COLUMNS},
 * so the list and its reader cannot drift apart). The raw reads verify the ledger against the audit
 * chain in pages on its indexes: by sequence (primary key) and by subject ({@code ledger_subject_ix}).
 * Not API. Not thread-safe: one per unit of work.
 */
final class JdbcLedgerStore implements LedgerStore {
    static final String EVENT_COLUMNS = "event_id, subject_id, purpose_id, channel, asset_id, kind, occurred_at_us,"
            + " recorded_at_us, notice_id, notice_version, notice_locale, notice_sha256, method, form_id, ip_hash,"
            + " ua_hash, actor_kind, actor_id, guardian_id, attachment_ref, valid_until_us, idempotency_key,"
            + " request_digest";
    /** The columns of a ledger row as the ledger's SELECTs list them: its sequence, then the event. */
    static final String LEDGER_COLUMNS = "seq, " + EVENT_COLUMNS;
    private static final int IN_CHUNK = 500;

    private static final int L_SEQ = Rows.column(LEDGER_COLUMNS, "seq");
    private static final int L_EVENT = Rows.column(LEDGER_COLUMNS, "event_id");
    private static final int L_SUBJECT = Rows.column(LEDGER_COLUMNS, "subject_id");
    private static final int L_PURPOSE = Rows.column(LEDGER_COLUMNS, "purpose_id");
    private static final int L_CHANNEL = Rows.column(LEDGER_COLUMNS, "channel");
    private static final int L_ASSET = Rows.column(LEDGER_COLUMNS, "asset_id");
    private static final int L_KIND = Rows.column(LEDGER_COLUMNS, "kind");
    private static final int L_OCCURRED = Rows.column(LEDGER_COLUMNS, "occurred_at_us");
    private static final int L_RECORDED = Rows.column(LEDGER_COLUMNS, "recorded_at_us");
    private static final int L_NOTICE = Rows.column(LEDGER_COLUMNS, "notice_id");
    private static final int L_METHOD = Rows.column(LEDGER_COLUMNS, "method");
    private static final int L_FORM = Rows.column(LEDGER_COLUMNS, "form_id");
    private static final int L_IP = Rows.column(LEDGER_COLUMNS, "ip_hash");
    private static final int L_UA = Rows.column(LEDGER_COLUMNS, "ua_hash");
    private static final int L_ACTOR_KIND = Rows.column(LEDGER_COLUMNS, "actor_kind");
    private static final int L_ACTOR_ID = Rows.column(LEDGER_COLUMNS, "actor_id");
    private static final int L_GUARDIAN = Rows.column(LEDGER_COLUMNS, "guardian_id");
    private static final int L_ATTACHMENT = Rows.column(LEDGER_COLUMNS, "attachment_ref");
    private static final int L_VALID_UNTIL = Rows.column(LEDGER_COLUMNS, "valid_until_us");
    private static final int L_IDEMPOTENCY = Rows.column(LEDGER_COLUMNS, "idempotency_key");
    private static final int L_DIGEST = Rows.column(LEDGER_COLUMNS, "request_digest");

    /** The ledger's statements, built once per storage from the validated table prefix. Immutable. */
    static final class Sql {
        private final String prefix;
        private final String ledgerSelect;
        final String ledgerInsert;
        final String ledgerByKey;
        final String ledgerPage;
        final String ledgerSubjectsFirst;
        final String ledgerSubjectsAfter;
        final String ledgerRowsOf;

        Sql(String prefix, Dialect dialect) {
            this.prefix = prefix;
            String ledger = prefix + "ledger";
            ledgerInsert = "INSERT INTO " + ledger + " (" + EVENT_COLUMNS + ") VALUES (" + Tables.marks(23) + ")";
            ledgerSelect = "SELECT " + LEDGER_COLUMNS + " FROM " + ledger;
            ledgerByKey = ledgerSelect + " WHERE idempotency_key = ?";
            ledgerPage = ledgerSelect + " WHERE seq > ? ORDER BY seq LIMIT ?";
            ledgerSubjectsFirst = "SELECT DISTINCT subject_id FROM " + ledger + " ORDER BY subject_id LIMIT ?";
            ledgerSubjectsAfter = "SELECT DISTINCT subject_id FROM " + ledger + " WHERE subject_id > ? ORDER BY subject_id"
                    + " LIMIT ?";
            ledgerRowsOf = ledgerSelect + " WHERE " + dialect.inSet("subject_id") + " ORDER BY subject_id, seq";
        }

        /** @return the table prefix */
        String prefix() {
            return prefix;
        }

        /**
         * @param n how many sequences
         * @return the ledger SELECT of rows whose sequences are among {@code n} parameters
         */
        String ledgerAt(int n) {
            return ledgerSelect + " WHERE seq IN (" + Tables.marks(n) + ") ORDER BY seq";
        }
    }

    private final Jdbc jdbc;
    private final Sql sql;
    private final Runnable checkWritable;
    private final Consumer<LedgerEntry> appended;

    /**
     * @param jdbc the unit's statement runner
     * @param sql the statements
     * @param checkWritable refuses a write in a read-only unit
     * @param appended told of each appended entry (the scope locks record its sequence where needed)
     */
    JdbcLedgerStore(Jdbc jdbc, Sql sql, Runnable checkWritable, Consumer<LedgerEntry> appended) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.checkWritable = checkWritable;
        this.appended = appended;
    }

    @Override
    public LedgerEntry append(ConsentEvent event) {
        checkWritable.run();
        Objects.requireNonNull(event, "event");
        long seq = jdbc.insertReturningKey(sql.ledgerInsert, "seq", ps -> bindEvent(ps, event),
                "append to " + sql.prefix() + "ledger");
        LedgerEntry entry = new LedgerEntry(seq, event);
        appended.accept(entry);
        return entry;
    }

    @Override
    public Optional<LedgerEntry> findByIdempotencyKey(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return jdbc.queryOne(sql.ledgerByKey, ps -> ps.setString(1, key.value()), JdbcLedgerStore::ledgerEntry,
                "read " + sql.prefix() + "ledger by idempotency key");
    }

    @Override
    public List<StoredLedgerRow> rows(long afterSequence, int limit) {
        JdbcUnit.checkLimit(limit);
        return jdbc.query(sql.ledgerPage, ps -> {
            ps.setLong(1, afterSequence);
            ps.setInt(2, limit);
        }, JdbcLedgerStore::storedLedger, "read " + sql.prefix() + "ledger");
    }

    @Override
    public List<StoredLedgerRow> rowsAt(Collection<Long> sequences) {
        List<Long> seqs = new ArrayList<>(new LinkedHashSet<>(sequences));
        List<StoredLedgerRow> found = new ArrayList<>();
        for (int from = 0; from < seqs.size(); from += IN_CHUNK) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + IN_CHUNK));
            found.addAll(jdbc.query(sql.ledgerAt(chunk.size()), ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
            }, JdbcLedgerStore::storedLedger, "read " + sql.prefix() + "ledger by sequence"));
        }
        found.sort(java.util.Comparator.comparingLong(StoredLedgerRow::sequence));
        return found;
    }

    @Override
    public List<StoredLedgerRow> rowsOf(Collection<String> subjects) {
        List<StoredLedgerRow> rows = new ArrayList<>();
        for (List<String> chunk : JdbcUnit.chunks(subjects)) {
            jdbc.stream(sql.ledgerRowsOf, ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk),
                    JdbcLedgerStore::storedLedger, rows::add, "read " + sql.prefix() + "ledger by subjects");
        }
        return rows;
    }

    @Override
    public List<String> subjects(Optional<String> after, int limit) {
        JdbcUnit.checkLimit(limit);
        return after.isPresent()
                ? jdbc.query(sql.ledgerSubjectsAfter, ps -> {
                    ps.setString(1, after.get());
                    ps.setInt(2, limit);
                }, rs -> rs.getString(1), "page subjects of " + sql.prefix() + "ledger")
                : jdbc.query(sql.ledgerSubjectsFirst, ps -> ps.setInt(1, limit), rs -> rs.getString(1),
                        "page subjects of " + sql.prefix() + "ledger");
    }

    /**
     * Binds an event to the columns of {@link #EVENT_COLUMNS}, from its stored form
     * ({@link StoredLedgerRow#of}): the very values the audit entry's ledger digest covers.
     */
    static void bindEvent(PreparedStatement ps, ConsentEvent e) throws SQLException {
        StoredLedgerRow r = StoredLedgerRow.of(0, e);
        ps.setString(1, r.eventId());
        ps.setString(2, r.subjectId());
        ps.setString(3, r.purposeId());
        ps.setString(4, r.channel());
        ps.setString(5, r.assetId());
        ps.setString(6, r.kind());
        ps.setLong(7, r.occurredAtMicros());
        ps.setLong(8, r.recordedAtMicros());
        Rows.setNullable(ps, 9, r.noticeId());
        Rows.setNullable(ps, 10, r.noticeVersion());
        Rows.setNullable(ps, 11, r.noticeLocale().map(l -> Rows.limited(l, "notice_locale", 35)));
        Rows.setNullable(ps, 12, r.noticeSha256());
        ps.setString(13, r.method());
        Rows.setNullable(ps, 14, r.formId());
        Rows.setNullable(ps, 15, r.ipHash());
        Rows.setNullable(ps, 16, r.uaHash());
        ps.setString(17, r.actorKind());
        Rows.setNullable(ps, 18, r.actorId());
        Rows.setNullable(ps, 19, r.guardianId());
        Rows.setNullable(ps, 20, r.attachmentRef());
        if (r.validUntilMicros().isPresent()) {
            ps.setLong(21, r.validUntilMicros().getAsLong());
        } else {
            ps.setNull(21, Types.BIGINT);
        }
        Rows.setNullable(ps, 22, r.idempotencyKey());
        ps.setString(23, r.requestDigest());
    }

    /** Reads a row of {@link #LEDGER_COLUMNS}. */
    static LedgerEntry ledgerEntry(ResultSet rs) throws SQLException {
        Evidence evidence = new Evidence(CollectionMethod.valueOf(rs.getString(L_METHOD)), Rows.text(rs, L_FORM),
                Rows.text(rs, L_IP).map(KeyedHash::new), Rows.text(rs, L_UA).map(KeyedHash::new),
                new Actor(Actor.Kind.valueOf(rs.getString(L_ACTOR_KIND)), Rows.text(rs, L_ACTOR_ID)),
                Rows.text(rs, L_GUARDIAN), Rows.text(rs, L_ATTACHMENT));
        ConsentEvent event = new ConsentEvent(UUID.fromString(rs.getString(L_EVENT)),
                Rows.scope(rs, L_SUBJECT, null, null), ConsentEvent.Kind.valueOf(rs.getString(L_KIND)),
                Rows.instant(rs.getLong(L_OCCURRED)), Rows.instant(rs.getLong(L_RECORDED)), Rows.notice(rs, L_NOTICE),
                evidence, Rows.optionalInstant(rs, L_VALID_UNTIL),
                Rows.text(rs, L_IDEMPOTENCY).map(IdempotencyKey::new), rs.getString(L_DIGEST));
        return new LedgerEntry(rs.getLong(L_SEQ), event);
    }

    /** Reads a row of {@link #LEDGER_COLUMNS} as stored, never failing on its values. */
    static StoredLedgerRow storedLedger(ResultSet rs) throws SQLException {
        long validUntil = rs.getLong(L_VALID_UNTIL);
        OptionalLong until = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(validUntil);
        return new StoredLedgerRow(rs.getLong(L_SEQ), Rows.orEmpty(rs.getString(L_EVENT)),
                Rows.orEmpty(rs.getString(L_SUBJECT)), Rows.orEmpty(rs.getString(L_PURPOSE)),
                Rows.orEmpty(rs.getString(L_CHANNEL)), Rows.orEmpty(rs.getString(L_ASSET)),
                Rows.orEmpty(rs.getString(L_KIND)), rs.getLong(L_OCCURRED), rs.getLong(L_RECORDED),
                Rows.text(rs, L_NOTICE), Rows.text(rs, L_NOTICE + 1), Rows.text(rs, L_NOTICE + 2),
                Rows.text(rs, L_NOTICE + 3), Rows.orEmpty(rs.getString(L_METHOD)), Rows.text(rs, L_FORM),
                Rows.text(rs, L_IP), Rows.text(rs, L_UA), Rows.orEmpty(rs.getString(L_ACTOR_KIND)),
                Rows.text(rs, L_ACTOR_ID), Rows.text(rs, L_GUARDIAN), Rows.text(rs, L_ATTACHMENT), until,
                Rows.text(rs, L_IDEMPOTENCY), Rows.orEmpty(rs.getString(L_DIGEST)));
    }
}
