package dev.consentkit.jdbc.internal;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Blind indexes in {@code <prefix>blind_index}, with all their SQL. Rows are deleted (erasure,
 * crypto-shredding, a changed field) and their group updated; rows written before schema version 4
 * have a null group and field until {@link #attribute} fills them, and {@link #removeGroups} takes
 * them with any group of their subject. Rows are deleted one by one by their whole key, found by a
 * plain read: a DELETE by subject would, on MariaDB under REPEATABLE READ, also lock the gaps beside
 * the subject's rows in the erasure index, and another subject's entry falling into one of them would
 * wait for the end of the deleting (possibly the host's) transaction. Not API. Not thread-safe, like
 * the unit of work it belongs to.
 */
public final class JdbcBlindIndexStore implements BlindIndexStore {
    private static final String KEY = "index_name = ? AND index_version = ? AND index_value = ? AND subject_id = ?";
    /** A row's key, in the order of the primary key (and of {@link #KEY}). */
    private record Key(String index, int version, String value, String subject) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = index.compareTo(o.index);
            c = c != 0 ? c : Integer.compare(version, o.version);
            c = c != 0 ? c : value.compareTo(o.value);
            return c != 0 ? c : subject.compareTo(o.subject);
        }
    }

    private final Jdbc jdbc;
    private final String table;
    private final boolean writable;
    private final String attribution;
    private final String insert;
    private final String reattribute;
    private final String find;
    private final String indexRows;
    private final String subjectRows;
    private final String groupRows;
    private final String attribute;
    private final String olderFirst;
    private final String olderAfter;
    private final String olderRows;
    private final String deleteOne;

    /**
     * @param jdbc the statement runner of the unit of work
     * @param prefix the validated table prefix
     * @param writable whether the unit may write
     */
    public JdbcBlindIndexStore(Jdbc jdbc, String prefix, boolean writable) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = prefix + "blind_index";
        this.writable = writable;
        this.attribution = "SELECT grp, field_name FROM " + table + " WHERE " + KEY;
        this.insert = "INSERT INTO " + table + " (index_name, index_version, index_value, subject_id, grp, field_name)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        this.reattribute = "UPDATE " + table + " SET grp = ?, field_name = ? WHERE " + KEY;
        this.find = "SELECT subject_id FROM " + table + " WHERE index_name = ? AND index_version = ? AND index_value = ?";
        this.subjectRows = "SELECT index_name, index_version, index_value, subject_id FROM " + table
                + " WHERE subject_id = ?";
        this.indexRows = subjectRows + " AND index_name = ?";
        this.groupRows = subjectRows + " AND (grp IS NULL OR " + jdbc.dialect().inSet("grp") + ")";
        this.attribute = "UPDATE " + table + " SET grp = ?, field_name = ? WHERE index_name = ? AND grp IS NULL";
        String older = "SELECT DISTINCT subject_id FROM " + table + " WHERE index_name = ? AND index_version < ?";
        this.olderFirst = older + " ORDER BY subject_id LIMIT ?";
        this.olderAfter = older + " AND subject_id > ? ORDER BY subject_id LIMIT ?";
        this.olderRows = indexRows + " AND index_version < ?";
        this.deleteOne = "DELETE FROM " + table + " WHERE " + KEY;
    }

    @Override
    public void put(BlindIndexEntry entry) {
        checkWritable();
        Objects.requireNonNull(entry, "entry");
        String what = "write " + table;
        Jdbc.Binder key = ps -> {
            ps.setString(1, entry.index().value());
            ps.setInt(2, entry.version());
            ps.setString(3, entry.value());
            ps.setString(4, entry.subject().value());
        };
        // a duplicate is a normal outcome: look first, as a failed insert would abort a PostgreSQL transaction
        Optional<List<String>> stored = jdbc.queryOne(attribution, key,
                rs -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)), what);
        if (stored.isEmpty()) {
            jdbc.update(insert, ps -> {
                key.bind(ps);
                ps.setString(5, entry.group().value());
                ps.setString(6, entry.field());
            }, what);
        } else if (!stored.get().equals(List.of(entry.group(), entry.field()))) {
            jdbc.update(reattribute, ps -> {
                ps.setString(1, entry.group().value());
                ps.setString(2, entry.field());
                ps.setString(3, entry.index().value());
                ps.setInt(4, entry.version());
                ps.setString(5, entry.value());
                ps.setString(6, entry.subject().value());
            }, what);
        }
    }

    @Override
    public int remove(IndexName index, SubjectId subject) {
        checkWritable();
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(subject, "subject");
        return deleteEach(indexRows, ps -> {
            ps.setString(1, subject.value());
            ps.setString(2, index.value());
        }, "remove from " + table);
    }

    @Override
    public List<SubjectId> find(IndexName index, int version, String value) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(value, "value");
        return jdbc.query(find, ps -> {
            ps.setString(1, index.value());
            ps.setInt(2, version);
            ps.setString(3, value);
        }, rs -> SubjectId.of(rs.getString(1)), "read " + table);
    }

    @Override
    public int removeSubject(SubjectId subject) {
        checkWritable();
        Objects.requireNonNull(subject, "subject");
        return deleteEach(subjectRows, ps -> ps.setString(1, subject.value()), "remove a subject from " + table);
    }

    @Override
    public int removeGroups(SubjectId subject, Collection<KeyGroup> groups) {
        checkWritable();
        Objects.requireNonNull(subject, "subject");
        List<String> named = List.copyOf(new TreeSet<>(List.copyOf(Objects.requireNonNull(groups, "groups")).stream()
                .map(KeyGroup::value).toList()));
        if (named.isEmpty()) {
            throw new IllegalArgumentException("name at least one key group (removeSubject removes every entry)");
        }
        return deleteEach(groupRows, ps -> {
            ps.setString(1, subject.value());
            jdbc.dialect().bindSet(jdbc.connection(), ps, 2, named);
        }, "remove key groups of a subject from " + table);
    }

    @Override
    public int attribute(IndexName index, KeyGroup group, String field) {
        checkWritable();
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(group, "group");
        BlindIndexEntry.checkField(field);
        return jdbc.update(attribute, ps -> {
            ps.setString(1, group.value());
            ps.setString(2, field);
            ps.setString(3, index.value());
        }, "attribute entries of " + table);
    }

    @Override
    public List<SubjectId> olderThan(IndexName index, int version, Optional<SubjectId> after, int limit) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000, got " + limit);
        }
        return jdbc.query(after.isEmpty() ? olderFirst : olderAfter, ps -> {
            ps.setString(1, index.value());
            ps.setInt(2, version);
            if (after.isPresent()) {
                ps.setString(3, after.get().value());
                ps.setInt(4, limit);
            } else {
                ps.setInt(3, limit);
            }
        }, rs -> SubjectId.of(rs.getString(1)), "page through older entries of " + table);
    }

    @Override
    public int removeOlderThan(IndexName index, int version, SubjectId subject) {
        checkWritable();
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(subject, "subject");
        return deleteEach(olderRows, ps -> {
            ps.setString(1, subject.value());
            ps.setString(2, index.value());
            ps.setInt(3, version);
        }, "remove older entries from " + table);
    }

    /**
     * Deletes the rows {@code select} finds, each by its whole key (a record lock on that row only), in
     * key order; a row another transaction deleted meanwhile is not counted.
     */
    private int deleteEach(String select, Jdbc.Binder bind, String what) {
        List<Key> found = new java.util.ArrayList<>(jdbc.query(select, bind,
                rs -> new Key(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), what));
        java.util.Collections.sort(found);
        int deleted = 0;
        for (Key k : found) {
            deleted += jdbc.update(deleteOne, ps -> {
                ps.setString(1, k.index());
                ps.setInt(2, k.version());
                ps.setString(3, k.value());
                ps.setString(4, k.subject());
            }, what);
        }
        return deleted;
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }
}
