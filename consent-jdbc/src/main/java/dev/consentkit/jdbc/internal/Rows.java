package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binding domain values to statements and reading them back from rows. Not API.
 *
 * <p>Rows are read by column index, in the order of the column lists of {@link Sql} (the positions
 * below are computed from those lists, so a list and its reader cannot drift apart). A notice
 * reference read back is built and validated once per distinct stored value and then reused (see
 * {@link #NOTICES}); a projection row of the subject or purpose a query asked for reuses that id.
 */
final class Rows {
    private static final String NONE = "";
    /** Most notice references kept for reuse; more distinct ones than this start the cache afresh. */
    static final int NOTICE_CACHE_LIMIT = 256;
    /**
     * Validated notice references by their stored text hash. A projection or ledger holds a handful of
     * distinct notices, so a read of 100 000 rows builds a few instead of 100 000; an entry is reused
     * only when all four stored values match, so a corrupt or different row is still validated.
     */
    private static final ConcurrentHashMap<String, StoredNotice> NOTICES = new ConcurrentHashMap<>();

    private static final int S_SUBJECT = column(Sql.STATE_COLUMNS, "subject_id");
    private static final int S_PURPOSE = column(Sql.STATE_COLUMNS, "purpose_id");
    private static final int S_CHANNEL = column(Sql.STATE_COLUMNS, "channel");
    private static final int S_ASSET = column(Sql.STATE_COLUMNS, "asset_id");
    private static final int S_STATUS = column(Sql.STATE_COLUMNS, "status");
    private static final int S_SINCE = column(Sql.STATE_COLUMNS, "since_us");
    private static final int S_NOTICE = column(Sql.STATE_COLUMNS, "notice_id");
    private static final int S_VALID_UNTIL = column(Sql.STATE_COLUMNS, "valid_until_us");
    private static final int S_SEQ = column(Sql.STATE_COLUMNS, "seq");
    private static final int S_RESTRICTED = column(Sql.STATE_COLUMNS, "restricted");
    private static final int S_OBJECTED = column(Sql.STATE_COLUMNS, "objected");

    private static final int L_SEQ = column(Sql.LEDGER_COLUMNS, "seq");
    private static final int L_EVENT = column(Sql.LEDGER_COLUMNS, "event_id");
    private static final int L_SUBJECT = column(Sql.LEDGER_COLUMNS, "subject_id");
    private static final int L_PURPOSE = column(Sql.LEDGER_COLUMNS, "purpose_id");
    private static final int L_CHANNEL = column(Sql.LEDGER_COLUMNS, "channel");
    private static final int L_ASSET = column(Sql.LEDGER_COLUMNS, "asset_id");
    private static final int L_KIND = column(Sql.LEDGER_COLUMNS, "kind");
    private static final int L_OCCURRED = column(Sql.LEDGER_COLUMNS, "occurred_at_us");
    private static final int L_RECORDED = column(Sql.LEDGER_COLUMNS, "recorded_at_us");
    private static final int L_NOTICE = column(Sql.LEDGER_COLUMNS, "notice_id");
    private static final int L_METHOD = column(Sql.LEDGER_COLUMNS, "method");
    private static final int L_FORM = column(Sql.LEDGER_COLUMNS, "form_id");
    private static final int L_IP = column(Sql.LEDGER_COLUMNS, "ip_hash");
    private static final int L_UA = column(Sql.LEDGER_COLUMNS, "ua_hash");
    private static final int L_ACTOR_KIND = column(Sql.LEDGER_COLUMNS, "actor_kind");
    private static final int L_ACTOR_ID = column(Sql.LEDGER_COLUMNS, "actor_id");
    private static final int L_GUARDIAN = column(Sql.LEDGER_COLUMNS, "guardian_id");
    private static final int L_ATTACHMENT = column(Sql.LEDGER_COLUMNS, "attachment_ref");
    private static final int L_VALID_UNTIL = column(Sql.LEDGER_COLUMNS, "valid_until_us");
    private static final int L_IDEMPOTENCY = column(Sql.LEDGER_COLUMNS, "idempotency_key");
    private static final int L_DIGEST = column(Sql.LEDGER_COLUMNS, "request_digest");

    private static final int A_SEQ = column(Sql.AUDIT_COLUMNS, "seq");
    private static final int A_ENTRY = column(Sql.AUDIT_COLUMNS, "entry_id");
    private static final int A_FORMAT = column(Sql.AUDIT_COLUMNS, "link_format");
    private static final int A_TIME = column(Sql.AUDIT_COLUMNS, "time_us");
    private static final int A_PREVIOUS = column(Sql.AUDIT_COLUMNS, "previous_link");
    private static final int A_LINK = column(Sql.AUDIT_COLUMNS, "link");
    private static final int E_ID = column(Sql.ENTRY_COLUMNS, "id");
    private static final int E_TIME = column(Sql.ENTRY_COLUMNS, "time_us");


    private static final int C_SEQ = column(Sql.CHECKPOINT_COLUMNS, "seq");
    private static final int C_LINK = column(Sql.CHECKPOINT_COLUMNS, "link");
    private static final int C_TIME = column(Sql.CHECKPOINT_COLUMNS, "time_us");

    private Rows() {
    }

    /**
     * @param columns a column list of {@link Sql}, names separated by {@code ", "}
     * @param name a column of it
     * @return its 1-based position
     */
    static int column(String columns, String name) {
        int i = List.of(columns.split(", ")).indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no column " + name + " in " + columns);
        }
        return i + 1;
    }

    /** Refuses a value longer than its column before any SQL runs, naming the column and its limit. */
    static String limited(String value, String column, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(column + " is longer than its column limit of " + max + " characters");
        }
        return value;
    }

    static long micros(Instant t, String column) {
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(column + " has sub-microsecond precision; stores keep microseconds");
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static void setNullable(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static void setMicros(PreparedStatement ps, int i, Optional<Instant> value, String column) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(i, micros(value.get(), column));
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    private static Optional<String> text(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(instant(v));
    }

    /** Binds parameters 1..4: subject, purpose, channel, asset. */
    private static int bindScope(PreparedStatement ps, int i, ConsentScope s) throws SQLException {
        ps.setString(i, s.subject().value());
        ps.setString(i + 1, s.purpose().value());
        ps.setString(i + 2, s.channel().map(Channel::code).orElse(NONE));
        ps.setString(i + 3, s.asset().map(AssetId::value).orElse(NONE));
        return i + 4;
    }

    /**
     * Reads the scope at {@code first} (subject), then purpose, channel, asset.
     *
     * @param subject the subject the query asked for, reused when the row holds it, or null
     * @param purpose the purpose the query asked for, reused when the row holds it, or null
     */
    private static ConsentScope scope(ResultSet rs, int first, SubjectId subject, PurposeId purpose)
            throws SQLException {
        String subjectId = rs.getString(first);
        String purposeId = rs.getString(first + 1);
        String channel = rs.getString(first + 2);
        String asset = rs.getString(first + 3);
        return new ConsentScope(subject != null && subject.value().equals(subjectId) ? subject : SubjectId.of(subjectId),
                purpose != null && purpose.value().equals(purposeId) ? purpose : PurposeId.of(purposeId),
                channel.isEmpty() ? Optional.empty() : Optional.of(Channel.of(channel)),
                asset.isEmpty() ? Optional.empty() : Optional.of(AssetId.of(asset)));
    }

    /** Binds four parameters: notice id, version, locale, hash (all null when absent). */
    private static int bindNotice(PreparedStatement ps, int i, Optional<NoticeRef> notice) throws SQLException {
        setNullable(ps, i, notice.map(n -> n.notice().value()));
        setNullable(ps, i + 1, notice.map(n -> n.version().toString()));
        setNullable(ps, i + 2, notice.map(n -> limited(n.locale().toLanguageTag(), "notice_locale", 35)));
        setNullable(ps, i + 3, notice.map(NoticeRef::textSha256));
        return i + 4;
    }

    /** Reads the notice at {@code first} (id), then version, locale, hash; reused from {@link #NOTICES}. */
    private static Optional<NoticeRef> notice(ResultSet rs, int first) throws SQLException {
        String id = rs.getString(first);
        if (id == null) {
            return Optional.empty();
        }
        String version = rs.getString(first + 1);
        String locale = rs.getString(first + 2);
        String sha256 = rs.getString(first + 3);
        StoredNotice known = sha256 == null ? null : NOTICES.get(sha256);
        if (known != null && known.matches(id, version, locale)) {
            return known.ref();
        }
        Optional<NoticeRef> ref = Optional.of(new NoticeRef(NoticeId.of(id), NoticeVersion.parse(version),
                Locale.forLanguageTag(locale), sha256));
        if (NOTICES.size() >= NOTICE_CACHE_LIMIT) {
            NOTICES.clear();
        }
        NOTICES.put(sha256, new StoredNotice(id, version, locale, ref));
        return ref;
    }

    /** A validated notice reference and the stored values it was read from. */
    private record StoredNotice(String id, String version, String locale, Optional<NoticeRef> ref) {
        boolean matches(String otherId, String otherVersion, String otherLocale) {
            return id.equals(otherId) && version.equals(otherVersion) && locale.equals(otherLocale);
        }
    }

    /**
     * Binds an event to the columns of {@link Sql#EVENT_COLUMNS}, from its stored form
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
        setNullable(ps, 9, r.noticeId());
        setNullable(ps, 10, r.noticeVersion());
        setNullable(ps, 11, r.noticeLocale().map(l -> limited(l, "notice_locale", 35)));
        setNullable(ps, 12, r.noticeSha256());
        ps.setString(13, r.method());
        setNullable(ps, 14, r.formId());
        setNullable(ps, 15, r.ipHash());
        setNullable(ps, 16, r.uaHash());
        ps.setString(17, r.actorKind());
        setNullable(ps, 18, r.actorId());
        setNullable(ps, 19, r.guardianId());
        setNullable(ps, 20, r.attachmentRef());
        if (r.validUntilMicros().isPresent()) {
            ps.setLong(21, r.validUntilMicros().getAsLong());
        } else {
            ps.setNull(21, Types.BIGINT);
        }
        setNullable(ps, 22, r.idempotencyKey());
        ps.setString(23, r.requestDigest());
    }

    /** Reads a row of {@link Sql#LEDGER_COLUMNS}. */
    static LedgerEntry ledgerEntry(ResultSet rs) throws SQLException {
        Evidence evidence = new Evidence(CollectionMethod.valueOf(rs.getString(L_METHOD)), text(rs, L_FORM),
                text(rs, L_IP).map(KeyedHash::new), text(rs, L_UA).map(KeyedHash::new),
                new Actor(Actor.Kind.valueOf(rs.getString(L_ACTOR_KIND)), text(rs, L_ACTOR_ID)),
                text(rs, L_GUARDIAN), text(rs, L_ATTACHMENT));
        ConsentEvent event = new ConsentEvent(UUID.fromString(rs.getString(L_EVENT)),
                scope(rs, L_SUBJECT, null, null), ConsentEvent.Kind.valueOf(rs.getString(L_KIND)),
                instant(rs.getLong(L_OCCURRED)), instant(rs.getLong(L_RECORDED)), notice(rs, L_NOTICE), evidence,
                optionalInstant(rs, L_VALID_UNTIL), text(rs, L_IDEMPOTENCY).map(IdempotencyKey::new),
                rs.getString(L_DIGEST));
        return new LedgerEntry(rs.getLong(L_SEQ), event);
    }

    /** Binds the SET part and the key of the projection UPDATE. */
    static void bindStateUpdate(PreparedStatement ps, ConsentState s) throws SQLException {
        int i = bindStateValues(ps, 1, s);
        bindScope(ps, i, s.scope());
    }

    static void bindStateInsert(PreparedStatement ps, ConsentState s) throws SQLException {
        int i = bindScope(ps, 1, s.scope());
        bindStateValues(ps, i, s);
    }

    private static int bindStateValues(PreparedStatement ps, int i, ConsentState s) throws SQLException {
        setNullable(ps, i++, s.status().map(Enum::name));
        ps.setLong(i++, micros(s.since(), "since"));
        i = bindNotice(ps, i, s.notice());
        setMicros(ps, i++, s.validUntil(), "validUntil");
        ps.setLong(i++, s.sequence());
        ps.setBoolean(i++, s.restricted());
        ps.setBoolean(i++, s.objected());
        return i;
    }

    /**
     * A reader of rows of {@link Sql#STATE_COLUMNS} that reuses the ids a query asked for.
     *
     * @param subject the subject asked for, or null
     * @param purpose the purpose asked for, or null
     * @return the reader
     */
    static Jdbc.RowMapper<ConsentState> states(SubjectId subject, PurposeId purpose) {
        return rs -> state(rs, subject, purpose);
    }

    private static ConsentState state(ResultSet rs, SubjectId subject, PurposeId purpose) throws SQLException {
        String status = rs.getString(S_STATUS);
        return new ConsentState(scope(rs, S_SUBJECT, subject, purpose),
                status == null ? Optional.empty() : Optional.of(ConsentStatus.valueOf(status)),
                instant(rs.getLong(S_SINCE)), notice(rs, S_NOTICE), optionalInstant(rs, S_VALID_UNTIL),
                rs.getLong(S_SEQ), rs.getBoolean(S_RESTRICTED), rs.getBoolean(S_OBJECTED));
    }

    /**
     * Binds the columns of {@link Sql#ENTRY_EVENT_COLUMNS} from {@code first}.
     *
     * @return the next parameter index
     */
    static int bindEntryEvent(PreparedStatement ps, int first, StoredAuditRow r) throws SQLException {
        int i = first;
        ps.setLong(i++, r.timeMicros());
        ps.setString(i++, r.actorKind());
        setNullable(ps, i++, r.actorId());
        ps.setString(i++, r.action());
        setNullable(ps, i++, r.subjectRef());
        setNullable(ps, i++, r.purpose());
        ps.setString(i++, r.outcome());
        setNullable(ps, i++, r.reference());
        if (r.ledgerSequence().isPresent()) {
            ps.setLong(i++, r.ledgerSequence().getAsLong());
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        setNullable(ps, i++, r.ledgerDigest());
        setNullable(ps, i++, r.entryMac());
        return i;
    }

    /**
     * Binds the columns of {@link Sql#ENTRY_EVENT_COLUMNS} of many rows as one array per column, from
     * parameter {@code first} (PostgreSQL's {@code unnest} form).
     *
     * @return the next parameter index
     */
    static int bindEntryArrays(java.sql.Connection c, PreparedStatement ps, int first, List<StoredAuditRow> rows)
            throws SQLException {
        int n = rows.size();
        Long[] time = new Long[n];
        String[] actorKind = new String[n];
        String[] actorId = new String[n];
        String[] action = new String[n];
        String[] subjectRef = new String[n];
        String[] purpose = new String[n];
        String[] outcome = new String[n];
        String[] reference = new String[n];
        Long[] ledgerSeq = new Long[n];
        String[] ledgerDigest = new String[n];
        String[] mac = new String[n];
        for (int j = 0; j < n; j++) {
            StoredAuditRow r = rows.get(j);
            time[j] = r.timeMicros();
            actorKind[j] = r.actorKind();
            actorId[j] = r.actorId().orElse(null);
            action[j] = r.action();
            subjectRef[j] = r.subjectRef().orElse(null);
            purpose[j] = r.purpose().orElse(null);
            outcome[j] = r.outcome();
            reference[j] = r.reference().orElse(null);
            ledgerSeq[j] = r.ledgerSequence().isPresent() ? r.ledgerSequence().getAsLong() : null;
            ledgerDigest[j] = r.ledgerDigest().orElse(null);
            mac[j] = r.entryMac().orElse(null);
        }
        int i = first;
        ps.setArray(i++, c.createArrayOf("bigint", time));
        for (String[] column : List.of(actorKind, actorId, action, subjectRef, purpose, outcome, reference)) {
            ps.setArray(i++, c.createArrayOf("varchar", column));
        }
        ps.setArray(i++, c.createArrayOf("bigint", ledgerSeq));
        ps.setArray(i++, c.createArrayOf("varchar", ledgerDigest));
        ps.setArray(i++, c.createArrayOf("varchar", mac));
        return i;
    }

    /** Binds linked records to the columns of {@link Sql#AUDIT_COLUMNS}, one array per column (PostgreSQL). */
    static void bindAuditArrays(java.sql.Connection c, PreparedStatement ps, List<StoredAuditRow> rows)
            throws SQLException {
        int n = rows.size();
        Long[] seq = new Long[n];
        Long[] entryId = new Long[n];
        Integer[] format = new Integer[n];
        String[] previous = new String[n];
        String[] link = new String[n];
        for (int j = 0; j < n; j++) {
            StoredAuditRow r = rows.get(j);
            seq[j] = r.sequence();
            entryId[j] = r.entryId();
            format[j] = r.format();
            previous[j] = r.previousLink();
            link[j] = r.link();
        }
        ps.setArray(1, c.createArrayOf("bigint", seq));
        ps.setArray(2, c.createArrayOf("bigint", entryId));
        ps.setArray(3, c.createArrayOf("int4", format));
        int i = bindEntryArrays(c, ps, 4, rows);
        ps.setArray(i, c.createArrayOf("varchar", previous));
        ps.setArray(i + 1, c.createArrayOf("varchar", link));
    }

    /**
     * Binds a linked record to the columns of {@link Sql#AUDIT_COLUMNS} from parameter {@code first} on.
     *
     * @return the next parameter index
     */
    static int bindAudit(PreparedStatement ps, int first, StoredAuditRow r) throws SQLException {
        ps.setLong(first, r.sequence());
        ps.setLong(first + 1, r.entryId());
        ps.setInt(first + 2, r.format());
        int i = bindEntryEvent(ps, first + 3, r);
        ps.setString(i, r.previousLink());
        ps.setString(i + 1, r.link());
        return i + 2;
    }

    /**
     * Reads a row of {@link Sql#AUDIT_COLUMNS} as stored, never failing on its values: a NULL the kit
     * never writes reads as the empty string (or 0), for verification to judge.
     */
    static StoredAuditRow storedAudit(ResultSet rs) throws SQLException {
        long entry = rs.getLong(A_ENTRY);
        return storedEntry(rs, A_TIME, rs.getLong(A_SEQ), rs.wasNull() ? 0 : entry, rs.getInt(A_FORMAT),
                orEmpty(rs.getString(A_PREVIOUS)), orEmpty(rs.getString(A_LINK)));
    }

    /** Reads a row of {@link Sql#ENTRY_COLUMNS}: a pending entry as stored. */
    static StoredAuditRow storedPending(ResultSet rs) throws SQLException {
        return storedEntry(rs, E_TIME, 0, rs.getLong(E_ID), StoredAuditRow.FORMAT_2, "", "");
    }

    /** Reads the columns of {@link Sql#ENTRY_EVENT_COLUMNS} from {@code first}. */
    private static StoredAuditRow storedEntry(ResultSet rs, int first, long sequence, long entryId, int format,
                                              String previous, String link) throws SQLException {
        long time = rs.getLong(first);
        String actorKind = orEmpty(rs.getString(first + 1));
        Optional<String> actorId = text(rs, first + 2);
        String action = orEmpty(rs.getString(first + 3));
        Optional<String> subjectRef = text(rs, first + 4);
        Optional<String> purpose = text(rs, first + 5);
        String outcome = orEmpty(rs.getString(first + 6));
        Optional<String> reference = text(rs, first + 7);
        long ledgerSeq = rs.getLong(first + 8);
        OptionalLong ledger = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(ledgerSeq);
        return new StoredAuditRow(sequence, entryId, format, time, actorKind, actorId, action, subjectRef, purpose,
                outcome, reference, ledger, text(rs, first + 9), text(rs, first + 10), previous, link);
    }

    /** Reads a row of {@link Sql#LEDGER_COLUMNS} as stored, never failing on its values. */
    static StoredLedgerRow storedLedger(ResultSet rs) throws SQLException {
        long validUntil = rs.getLong(L_VALID_UNTIL);
        OptionalLong until = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(validUntil);
        return new StoredLedgerRow(rs.getLong(L_SEQ), orEmpty(rs.getString(L_EVENT)), orEmpty(rs.getString(L_SUBJECT)),
                orEmpty(rs.getString(L_PURPOSE)), orEmpty(rs.getString(L_CHANNEL)), orEmpty(rs.getString(L_ASSET)),
                orEmpty(rs.getString(L_KIND)), rs.getLong(L_OCCURRED), rs.getLong(L_RECORDED), text(rs, L_NOTICE),
                text(rs, L_NOTICE + 1), text(rs, L_NOTICE + 2), text(rs, L_NOTICE + 3), orEmpty(rs.getString(L_METHOD)),
                text(rs, L_FORM), text(rs, L_IP), text(rs, L_UA), orEmpty(rs.getString(L_ACTOR_KIND)),
                text(rs, L_ACTOR_ID), text(rs, L_GUARDIAN), text(rs, L_ATTACHMENT), until, text(rs, L_IDEMPOTENCY),
                orEmpty(rs.getString(L_DIGEST)));
    }

    /** Reads a row of {@link Sql#STATE_COLUMNS} as stored, never failing on its values. */
    static StoredProjectionRow storedState(ResultSet rs) throws SQLException {
        long validUntil = rs.getLong(S_VALID_UNTIL);
        OptionalLong until = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(validUntil);
        return new StoredProjectionRow(orEmpty(rs.getString(S_SUBJECT)), orEmpty(rs.getString(S_PURPOSE)),
                orEmpty(rs.getString(S_CHANNEL)), orEmpty(rs.getString(S_ASSET)), text(rs, S_STATUS),
                rs.getLong(S_SINCE), text(rs, S_NOTICE), text(rs, S_NOTICE + 1), text(rs, S_NOTICE + 2),
                text(rs, S_NOTICE + 3), until, rs.getLong(S_SEQ), rs.getBoolean(S_RESTRICTED),
                rs.getBoolean(S_OBJECTED));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Reads a row of {@link Sql#CHECKPOINT_COLUMNS}. */
    static AuditCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong(C_SEQ), rs.getString(C_LINK), instant(rs.getLong(C_TIME)));
    }
}
