package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
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
import dev.consentkit.core.consent.NoticeId;
import dev.consentkit.core.consent.NoticeRef;
import dev.consentkit.core.consent.NoticeVersion;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.WrappedKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Binding domain values to statements and reading them back from rows. Not API. */
final class Rows {
    private static final String NONE = "";

    private Rows() {
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

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
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

    private static ConsentScope scope(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        String asset = rs.getString("asset_id");
        return new ConsentScope(SubjectId.of(rs.getString("subject_id")), PurposeId.of(rs.getString("purpose_id")),
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

    private static Optional<NoticeRef> notice(ResultSet rs) throws SQLException {
        String id = rs.getString("notice_id");
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new NoticeRef(NoticeId.of(id), NoticeVersion.parse(rs.getString("notice_version")),
                Locale.forLanguageTag(rs.getString("notice_locale")), rs.getString("notice_sha256")));
    }

    static void bindEvent(PreparedStatement ps, ConsentEvent e) throws SQLException {
        ps.setString(1, e.id().toString());
        int i = bindScope(ps, 2, e.scope());
        ps.setString(i++, e.kind().name());
        ps.setLong(i++, micros(e.occurredAt(), "occurredAt"));
        ps.setLong(i++, micros(e.recordedAt(), "recordedAt"));
        i = bindNotice(ps, i, e.notice());
        Evidence ev = e.evidence();
        ps.setString(i++, ev.method().name());
        setNullable(ps, i++, ev.formId());
        setNullable(ps, i++, ev.ipHash().map(KeyedHash::value));
        setNullable(ps, i++, ev.userAgentHash().map(KeyedHash::value));
        ps.setString(i++, ev.recordedBy().kind().name());
        setNullable(ps, i++, ev.recordedBy().id());
        setNullable(ps, i++, ev.guardian());
        setNullable(ps, i++, ev.attachmentRef());
        setMicros(ps, i++, e.validUntil(), "validUntil");
        setNullable(ps, i++, e.idempotencyKey().map(IdempotencyKey::value));
        ps.setString(i, e.requestDigest());
    }

    static LedgerEntry ledgerEntry(ResultSet rs) throws SQLException {
        Evidence evidence = new Evidence(CollectionMethod.valueOf(rs.getString("method")), text(rs, "form_id"),
                text(rs, "ip_hash").map(KeyedHash::new), text(rs, "ua_hash").map(KeyedHash::new),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), text(rs, "actor_id")),
                text(rs, "guardian_id"), text(rs, "attachment_ref"));
        ConsentEvent event = new ConsentEvent(UUID.fromString(rs.getString("event_id")), scope(rs),
                ConsentEvent.Kind.valueOf(rs.getString("kind")), instant(rs.getLong("occurred_at_us")),
                instant(rs.getLong("recorded_at_us")), notice(rs), evidence, optionalInstant(rs, "valid_until_us"),
                text(rs, "idempotency_key").map(IdempotencyKey::new), rs.getString("request_digest"));
        return new LedgerEntry(rs.getLong("seq"), event);
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

    static ConsentState state(ResultSet rs) throws SQLException {
        return new ConsentState(scope(rs), text(rs, "status").map(ConsentStatus::valueOf),
                instant(rs.getLong("since_us")), notice(rs), optionalInstant(rs, "valid_until_us"), rs.getLong("seq"),
                rs.getBoolean("restricted"), rs.getBoolean("objected"));
    }

    static SuppressionEntry suppression(ResultSet rs) throws SQLException {
        String purpose = rs.getString("purpose_id");
        return new SuppressionEntry(new KeyedHash(rs.getString("hash")),
                purpose.isEmpty() ? Optional.empty() : Optional.of(PurposeId.of(purpose)), instant(rs.getLong("since_us")));
    }

    static void bindAudit(PreparedStatement ps, AuditRecord r) throws SQLException {
        AuditEvent e = r.event();
        ps.setLong(1, r.sequence());
        ps.setLong(2, micros(e.time(), "audit time"));
        ps.setString(3, e.actor().kind().name());
        setNullable(ps, 4, e.actor().id());
        ps.setString(5, e.action().code());
        setNullable(ps, 6, e.subjectRef().map(KeyedHash::value));
        setNullable(ps, 7, e.purpose().map(PurposeId::value));
        ps.setString(8, e.outcome().name());
        setNullable(ps, 9, e.reference());
        ps.setString(10, r.previousLink());
        ps.setString(11, r.link());
    }

    static AuditRecord audit(ResultSet rs) throws SQLException {
        AuditEvent e = new AuditEvent(instant(rs.getLong("time_us")),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), text(rs, "actor_id")),
                new AuditAction(rs.getString("action")), text(rs, "subject_ref").map(KeyedHash::new),
                text(rs, "purpose_id").map(PurposeId::of), AuditOutcome.valueOf(rs.getString("outcome")),
                text(rs, "reference"));
        return new AuditRecord(rs.getLong("seq"), e, rs.getString("previous_link"), rs.getString("link"));
    }

    static AuditCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong("seq"), rs.getString("link"), instant(rs.getLong("time_us")));
    }

    /** Binds parameters 1..7 in the order of {@link Sql#KEY_COLUMNS}. */
    static void bindKey(PreparedStatement ps, WrappedKey k) throws SQLException {
        ps.setString(1, k.subjectRef().value());
        ps.setString(2, k.group());
        ps.setInt(3, k.version());
        ps.setInt(4, k.keyId());
        ps.setString(5, k.kekId());
        ps.setBytes(6, k.wrapped());
        ps.setLong(7, micros(k.createdAt(), "createdAt"));
    }

    static WrappedKey key(ResultSet rs) throws SQLException {
        return new WrappedKey(new KeyedHash(rs.getString("subject_ref")), rs.getString("grp"), rs.getInt("version"),
                rs.getInt("key_id"), rs.getString("kek_id"), rs.getBytes("wrapped"),
                instant(rs.getLong("created_at_us")));
    }
}
