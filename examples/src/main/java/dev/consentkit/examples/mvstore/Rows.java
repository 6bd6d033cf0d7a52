package dev.consentkit.examples.mvstore;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How rows become MVStore values: arrays of strings, numbers, booleans and nulls, which MVStore's default
 * data type stores without Java serialization. The SPI's stored-row records ({@code StoredLedgerRow},
 * {@code StoredProjectionRow}, {@code StoredAuditRow}, {@code VerifiedPoint}) are already flat, so they
 * go through {@link #encode}/{@link #decode} field by field; times are kept as microseconds. Stateless.
 */
final class Rows {
    private Rows() {
    }

    /** @return the record's components in declaration order, an empty optional as null */
    static Object[] encode(Record row) {
        RecordComponent[] components = row.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(row);
                if (value instanceof Optional<?> optional) {
                    value = optional.orElse(null);
                } else if (value instanceof OptionalLong optional) {
                    value = optional.isPresent() ? optional.getAsLong() : null;
                }
                values[i] = value;
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + row.getClass().getSimpleName(), e);
        }
        return values;
    }

    /** @return the record {@link #encode} made {@code values} of */
    static <R extends Record> R decode(Class<R> type, Object[] values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (types[i] == Optional.class) {
                args[i] = Optional.ofNullable(values[i]);
            } else if (types[i] == OptionalLong.class) {
                args[i] = values[i] == null ? OptionalLong.empty() : OptionalLong.of((Long) values[i]);
            } else {
                args[i] = values[i];
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not valid", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
        }
    }

    /** @return the state a projection row holds */
    static ConsentState state(StoredProjectionRow r) {
        Optional<NoticeRef> notice = r.noticeId().map(id -> new NoticeRef(NoticeId.of(id),
                NoticeVersion.parse(r.noticeVersion().orElseThrow()), Locale.forLanguageTag(r.noticeLocale().orElseThrow()),
                r.noticeSha256().orElseThrow()));
        ConsentScope scope = new ConsentScope(SubjectId.of(r.subjectId()), PurposeId.of(r.purposeId()),
                r.channel().isEmpty() ? Optional.empty() : Optional.of(Channel.of(r.channel())),
                r.assetId().isEmpty() ? Optional.empty() : Optional.of(AssetId.of(r.assetId())));
        Optional<Instant> validUntil = r.validUntilMicros().isPresent()
                ? Optional.of(instant(r.validUntilMicros().getAsLong())) : Optional.empty();
        return new ConsentState(scope, r.status().map(ConsentStatus::valueOf), instant(r.sinceMicros()), notice,
                validUntil, r.sequence(), r.restricted(), r.objected());
    }

    static Object[] suppression(SuppressionEntry e) {
        return new Object[] {e.hash().value(), e.purpose().map(PurposeId::value).orElse(null), micros(e.since(), "since")};
    }

    static Object[] checkpoint(AuditCheckpoint c) {
        return new Object[] {c.sequence(), c.link(), micros(c.time(), "time")};
    }

    static AuditCheckpoint checkpoint(Object[] v) {
        return new AuditCheckpoint((Long) v[0], (String) v[1], instant((Long) v[2]));
    }

    /** @throws IllegalArgumentException if the time is finer than a microsecond (the SPI's precision) */
    static long micros(Instant time, String what) {
        if (time.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(what + " is finer than a microsecond");
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
