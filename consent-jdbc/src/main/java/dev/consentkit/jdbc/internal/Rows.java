package dev.consentkit.jdbc.internal;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bind and read helpers every store shares: times as microseconds since the epoch, optional text
 * and times as NULL, column limits checked before any SQL runs, column positions computed from a
 * store's column list, and the scope and notice columns that the ledger and the projection rows both
 * have. Each store keeps its own statements and row mapping ({@link JdbcLedgerStore},
 * {@link JdbcProjectionStore}, {@link JdbcAuditStore}, ...). Not API.
 *
 * <p>A notice reference read back is built and validated once per distinct stored value and then
 * reused (see {@link #NOTICES}); a row of the subject or purpose a query asked for reuses that id.
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

    private Rows() {
    }

    /**
     * @param columns a store's column list, names separated by {@code ", "}
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

    static void setNullable(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    static void setMicros(PreparedStatement ps, int i, Optional<Instant> value, String column) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(i, micros(value.get(), column));
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    static Optional<String> text(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(instant(v));
    }

    /** Binds parameters 1..4: subject, purpose, channel, asset. */
    static int bindScope(PreparedStatement ps, int i, ConsentScope s) throws SQLException {
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
    static ConsentScope scope(ResultSet rs, int first, SubjectId subject, PurposeId purpose)
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
    static int bindNotice(PreparedStatement ps, int i, Optional<NoticeRef> notice) throws SQLException {
        setNullable(ps, i, notice.map(n -> n.notice().value()));
        setNullable(ps, i + 1, notice.map(n -> n.version().toString()));
        setNullable(ps, i + 2, notice.map(n -> limited(n.locale().toLanguageTag(), "notice_locale", 35)));
        setNullable(ps, i + 3, notice.map(NoticeRef::textSha256));
        return i + 4;
    }

    /** Reads the notice at {@code first} (id), then version, locale, hash; reused from {@link #NOTICES}. */
    static Optional<NoticeRef> notice(ResultSet rs, int first) throws SQLException {
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

    /** @return the value, or the empty string for a NULL the kit never writes (rows read as stored) */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

}
