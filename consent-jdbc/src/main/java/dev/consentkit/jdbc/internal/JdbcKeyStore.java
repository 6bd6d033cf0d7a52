package dev.consentkit.jdbc.internal;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.core.spi.protection.KeyShred;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The wrapped data keys in {@code <prefix>data_key}, the record each shredded key leaves in
 * {@code <prefix>key_shred}, and the highest generation seen of each key file in
 * {@code <prefix>key_file}. All SQL of this store is here. Not append-only: a rewrap updates a key
 * row, a shred deletes rows. Not API. Not thread-safe: one per unit of work.
 */
final class JdbcKeyStore implements KeyStore {
    static final String KEY_COLUMNS = "subject_ref, grp, version, key_id, kek_id, wrapped, created_at_us, wrap_format,"
            + " authenticator";
    private static final String SHRED_COLUMNS = "subject_ref, grp, version, key_id, kek_id, shredded_at_us";
    /** An earlier shred has version 0 and key id 0; its group is a group, or this for every group. */
    private static final String EVERY_GROUP = "*";
    /** Sorted here, not by the database: a locale-aware collation would order groups differently. */
    private static final Comparator<WrappedKey> KEYS_BY_GROUP_AND_VERSION =
            Comparator.comparing(WrappedKey::group).thenComparingInt(WrappedKey::version);
    private static final Comparator<KeyShred> SHREDS_BY_GROUP_AND_VERSION =
            Comparator.comparing(KeyShred::group).thenComparingInt(KeyShred::version);

    private final Jdbc jdbc;
    private final Runnable checkWritable;
    private final String dataKey;
    private final String keyShred;
    private final String keyFile;
    private final String insert;
    private final String current;
    private final String byId;
    private final String ofSubject;
    private final String ofSubjectInGroups;
    private final String destroyOne;
    private final String shredInsert;
    private final String shreddedWhen;
    private final String shredsOfSubject;
    private final String earlierShredExists;
    private final String toRewrap;
    private final String rewrap;
    private final String keysPerKek;
    private final String shredsPerKek;
    private final String fileGeneration;
    private final String fileRaise;
    private final String fileInsert;
    private final String filesCount;

    /**
     * @param jdbc the unit's statement runner
     * @param prefix the validated table prefix
     * @param checkWritable throws if the unit may not write
     */
    JdbcKeyStore(Jdbc jdbc, String prefix, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.checkWritable = checkWritable;
        dataKey = prefix + "data_key";
        keyShred = prefix + "key_shred";
        keyFile = prefix + "key_file";
        String select = "SELECT " + KEY_COLUMNS + " FROM " + dataKey;
        insert = "INSERT INTO " + dataKey + " (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        current = select + " WHERE subject_ref = ? AND grp = ? ORDER BY version DESC LIMIT 1";
        byId = select + " WHERE key_id = ? AND subject_ref = ?";
        ofSubject = select + " WHERE subject_ref = ?";
        ofSubjectInGroups = ofSubject + " AND " + jdbc.dialect().inSet("grp");
        // a shred deletes row by row, each by its whole primary key: a record lock on that row only. A
        // locking range read or a DELETE by subject would, on MariaDB under REPEATABLE READ, also lock
        // the gaps beside the subject's rows, and another subject's new key falling into one of them
        // would wait for the end of the shredding (possibly the host's) transaction
        destroyOne = "DELETE FROM " + dataKey + " WHERE subject_ref = ? AND grp = ? AND version = ? AND key_id = ?";
        shredInsert = "INSERT INTO " + keyShred + " (" + SHRED_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
        shreddedWhen = "SELECT shredded_at_us FROM " + keyShred + " WHERE subject_ref = ?"
                + " AND ((version > 0 AND key_id = ?) OR (version = 0 AND (grp = ? OR grp = '" + EVERY_GROUP + "')))";
        shredsOfSubject = "SELECT " + SHRED_COLUMNS + " FROM " + keyShred + " WHERE subject_ref = ? AND version > 0";
        earlierShredExists = "SELECT 1 FROM " + keyShred + " WHERE subject_ref = ? AND grp = ? AND version = 0"
                + " AND key_id = 0";
        // "<>" as two ranges, so that the index on kek_id serves it
        toRewrap = select + " WHERE kek_id < ? OR kek_id > ? LIMIT ?";
        rewrap = "UPDATE " + dataKey + " SET kek_id = ?, wrapped = ?, wrap_format = ?, authenticator = ?"
                + " WHERE subject_ref = ? AND grp = ? AND version = ? AND key_id = ?";
        keysPerKek = "SELECT kek_id, COUNT(*) FROM " + dataKey + " GROUP BY kek_id";
        shredsPerKek = "SELECT kek_id, COUNT(*) FROM " + keyShred + " WHERE version > 0 GROUP BY kek_id";
        fileGeneration = "SELECT generation FROM " + keyFile + " WHERE file_id = ?";
        fileRaise = "UPDATE " + keyFile + " SET generation = ?, seen_at_us = ? WHERE file_id = ? AND generation < ?";
        fileInsert = "INSERT INTO " + keyFile + " (file_id, generation, seen_at_us) VALUES (?, ?, ?)";
        filesCount = "SELECT COUNT(*) FROM " + keyFile;
    }

    @Override
    public void add(WrappedKey key) {
        checkWritable.run();
        Objects.requireNonNull(key, "key");
        // a duplicate version or key id fails on the table's keys: a ConcurrentUpdateException
        jdbc.update(insert, ps -> bindKey(ps, key), "add to " + dataKey);
    }

    @Override
    public Optional<WrappedKey> current(KeyedHash subjectRef, KeyGroup group) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(group, "group");
        return jdbc.queryOne(current, ps -> {
            ps.setString(1, subjectRef.value());
            ps.setString(2, group.value());
        }, JdbcKeyStore::key, "read " + dataKey);
    }

    @Override
    public Optional<WrappedKey> find(KeyedHash subjectRef, int keyId) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        return jdbc.queryOne(byId, ps -> {
            ps.setInt(1, keyId);
            ps.setString(2, subjectRef.value());
        }, JdbcKeyStore::key, "read " + dataKey + " by key id");
    }

    @Override
    public List<WrappedKey> forSubject(KeyedHash subjectRef) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        List<WrappedKey> found = jdbc.query(ofSubject, ps -> ps.setString(1, subjectRef.value()),
                JdbcKeyStore::key, "read " + dataKey + " by subject");
        found.sort(KEYS_BY_GROUP_AND_VERSION);
        return found;
    }

    @Override
    public int destroy(KeyedHash subjectRef, List<KeyGroup> groups, Instant at) {
        checkWritable.run();
        Objects.requireNonNull(subjectRef, "subjectRef");
        long micros = Rows.micros(Objects.requireNonNull(at, "at"), "at");
        // the column holds the group's value
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(List.copyOf(groups).stream().map(KeyGroup::value).toList()));
        String what = "destroy in " + dataKey;
        Jdbc.Binder bySubjectAndGroups = ps -> {
            ps.setString(1, subjectRef.value());
            if (!wanted.isEmpty()) {
                jdbc.dialect().bindSet(jdbc.connection(), ps, 2, wanted);
            }
        };
        List<WrappedKey> doomed = jdbc.query(wanted.isEmpty() ? ofSubject : ofSubjectInGroups, bySubjectAndGroups,
                JdbcKeyStore::key, what);
        // in one order, so that two shreds of one subject never deadlock
        doomed.sort(KEYS_BY_GROUP_AND_VERSION);
        int destroyed = 0;
        for (WrappedKey k : doomed) {
            int deleted = jdbc.update(destroyOne, ps -> {
                ps.setString(1, k.subjectRef().value());
                ps.setString(2, k.group().value());
                ps.setInt(3, k.version());
                ps.setInt(4, k.keyId());
            }, what);
            if (deleted == 0) {
                continue; // a concurrent shred took it (this delete waited for its commit) and recorded it
            }
            recordShred(k.subjectRef(), k.group().value(), k.version(), k.keyId(), k.kekId().value(), micros);
            destroyed++;
        }
        return destroyed;
    }

    @Override
    public Optional<Instant> shredded(KeyedHash subjectRef, KeyGroup group, int keyId) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(group, "group");
        return jdbc.query(shreddedWhen, ps -> {
            ps.setString(1, subjectRef.value());
            ps.setInt(2, keyId);
            ps.setString(3, group.value());
        }, rs -> Rows.instant(rs.getLong(1)), "read " + keyShred).stream().min(Comparator.naturalOrder());
    }

    @Override
    public List<KeyShred> shredsOf(KeyedHash subjectRef) {
        Objects.requireNonNull(subjectRef, "subjectRef");
        List<KeyShred> found = jdbc.query(shredsOfSubject, ps -> ps.setString(1, subjectRef.value()),
                rs -> new KeyShred(new KeyedHash(rs.getString(1)), KeyGroup.of(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                        KekId.of(rs.getString(5)), Rows.instant(rs.getLong(6))), "read " + keyShred + " by subject");
        found.sort(SHREDS_BY_GROUP_AND_VERSION);
        return found;
    }

    @Override
    public boolean recordEarlierShred(KeyedHash subjectRef, Optional<KeyGroup> group, Instant at) {
        checkWritable.run();
        Objects.requireNonNull(subjectRef, "subjectRef");
        String name = group.map(KeyGroup::value).orElse(EVERY_GROUP);
        long micros = Rows.micros(Objects.requireNonNull(at, "at"), "at");
        boolean recorded = jdbc.queryOne(earlierShredExists, ps -> {
            ps.setString(1, subjectRef.value());
            ps.setString(2, name);
        }, rs -> true, "read " + keyShred).isPresent();
        if (recorded) {
            return false;
        }
        recordShred(subjectRef, name, 0, 0, "", micros);
        return true;
    }

    /** Inserts a row of {@code <prefix>key_shred}; an earlier shred has version 0, key id 0 and no KEK id. */
    private void recordShred(KeyedHash subjectRef, String group, int version, int keyId, String kekId, long micros) {
        jdbc.update(shredInsert, ps -> {
            ps.setString(1, subjectRef.value());
            ps.setString(2, group);
            ps.setInt(3, version);
            ps.setInt(4, keyId);
            ps.setString(5, kekId);
            ps.setLong(6, micros);
        }, "record a shred in " + keyShred);
    }

    @Override
    public Map<KekId, KekUsage> usageByKek() {
        Map<KekId, KekUsage> counts = new TreeMap<>();
        jdbc.stream(keysPerKek, ps -> { }, rs -> Map.entry(KekId.of(rs.getString(1)), new KekUsage(rs.getLong(2), 0)),
                e -> counts.merge(e.getKey(), e.getValue(), KekUsage::plus), "count " + dataKey + " per KEK");
        jdbc.stream(shredsPerKek, ps -> { }, rs -> Map.entry(KekId.of(rs.getString(1)), new KekUsage(0, rs.getLong(2))),
                e -> counts.merge(e.getKey(), e.getValue(), KekUsage::plus), "count " + keyShred + " per KEK");
        return Map.copyOf(counts);
    }

    @Override
    public OptionalLong keyFileGeneration(KeyFileId fileId) {
        Objects.requireNonNull(fileId, "fileId");
        return jdbc.queryOne(fileGeneration, ps -> ps.setString(1, fileId.value()), rs -> rs.getLong(1),
                "read " + keyFile).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public void recordKeyFileGeneration(KeyFileId fileId, long generation, Instant at) {
        checkWritable.run();
        Objects.requireNonNull(fileId, "fileId");
        long micros = Rows.micros(Objects.requireNonNull(at, "at"), "at");
        if (generation <= 0) {
            throw new IllegalArgumentException("key file generation must be positive");
        }
        int raised = jdbc.update(fileRaise, ps -> {
            ps.setLong(1, generation);
            ps.setLong(2, micros);
            ps.setString(3, fileId.value());
            ps.setLong(4, generation);
        }, "record a generation in " + keyFile);
        if (raised == 0 && keyFileGeneration(fileId).isEmpty()) {
            // a concurrent first record fails on the key: a ConcurrentUpdateException
            jdbc.update(fileInsert, ps -> {
                ps.setString(1, fileId.value());
                ps.setLong(2, generation);
                ps.setLong(3, micros);
            }, "record a generation in " + keyFile);
        }
    }

    @Override
    public int keyFilesRecorded() {
        return jdbc.queryOne(filesCount, ps -> { }, rs -> rs.getInt(1), "count " + keyFile).orElse(0);
    }

    @Override
    public List<WrappedKey> wrappedUnderOtherThan(KekId kekId, int limit) {
        Objects.requireNonNull(kekId, "kekId");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return jdbc.query(toRewrap, ps -> {
            ps.setString(1, kekId.value());
            ps.setString(2, kekId.value());
            ps.setInt(3, limit);
        }, JdbcKeyStore::key, "read " + dataKey + " to rewrap");
    }

    @Override
    public boolean rewrap(WrappedKey key) {
        checkWritable.run();
        Objects.requireNonNull(key, "key");
        return jdbc.update(rewrap, ps -> {
            ps.setString(1, key.kekId().value());
            ps.setBytes(2, key.wrapped());
            ps.setInt(3, key.format());
            bindAuthenticator(ps, 4, key);
            ps.setString(5, key.subjectRef().value());
            ps.setString(6, key.group().value());
            ps.setInt(7, key.version());
            ps.setInt(8, key.keyId());
        }, "rewrap in " + dataKey) > 0;
    }

    /** Binds parameters 1..9 in the order of {@link #KEY_COLUMNS}. */
    private static void bindKey(PreparedStatement ps, WrappedKey k) throws SQLException {
        ps.setString(1, k.subjectRef().value());
        ps.setString(2, k.group().value());
        ps.setInt(3, k.version());
        ps.setInt(4, k.keyId());
        ps.setString(5, k.kekId().value());
        ps.setBytes(6, k.wrapped());
        ps.setLong(7, Rows.micros(k.createdAt(), "createdAt"));
        ps.setInt(8, k.format());
        bindAuthenticator(ps, 9, k);
    }

    /** No authenticator is NULL, not an empty value. */
    private static void bindAuthenticator(PreparedStatement ps, int index, WrappedKey k) throws SQLException {
        if (k.hasAuthenticator()) {
            ps.setBytes(index, k.authenticator());
        } else {
            ps.setNull(index, Types.VARBINARY);
        }
    }

    /** Reads a row of {@link #KEY_COLUMNS}. */
    private static WrappedKey key(ResultSet rs) throws SQLException {
        byte[] authenticator = rs.getBytes(9);
        return new WrappedKey(new KeyedHash(rs.getString(1)), KeyGroup.of(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                KekId.of(rs.getString(5)), rs.getBytes(6), Rows.instant(rs.getLong(7)), rs.getInt(8),
                authenticator == null ? new byte[0] : authenticator);
    }
}
