package dev.consentkit.jdbc.internal;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.SuppressionStore;
import dev.consentkit.jdbc.spi.Dialect;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suppression list ({@code <prefix>suppression}): keyed hashes, for one purpose or all (stored as
 * the empty purpose). Not API. Not thread-safe: one per unit of work.
 */
final class JdbcSuppressionStore implements SuppressionStore {

    /** The suppression list's statements, built once per storage. Immutable. */
    static final class Sql {
        private final String prefix;
        final String suppressionExists;
        final String suppressionInsert;
        final String suppressionMatch;

        /**
         * @param prefix the validated table prefix
         * @param dialect the dialect, for its set condition or set table
         */
        Sql(String prefix, Dialect dialect) {
            this.prefix = prefix;
            String suppression = prefix + "suppression";
            suppressionExists = "SELECT 1 FROM " + suppression + " WHERE hash = ? AND purpose_id = ?";
            suppressionInsert = "INSERT INTO " + suppression + " (hash, purpose_id, since_us) VALUES (?, ?, ?)";
            Optional<String> setTable = dialect.setTable("u");
            suppressionMatch = setTable.isPresent()
                    ? "SELECT DISTINCT s.hash FROM " + setTable.get() + " JOIN " + suppression
                            + " s ON s.hash = u.v WHERE s.purpose_id IN (?, '')"
                    : "SELECT DISTINCT hash FROM " + suppression + " WHERE " + dialect.inSet("hash")
                            + " AND purpose_id IN (?, '')";
        }

        /** @return the table prefix */
        String prefix() {
            return prefix;
        }
    }

    private final Jdbc jdbc;
    private final Sql sql;
    private final Runnable checkWritable;

    /**
     * @param jdbc the unit's statement runner
     * @param sql the statements
     * @param checkWritable refuses a write in a read-only unit
     */
    JdbcSuppressionStore(Jdbc jdbc, Sql sql, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.checkWritable = checkWritable;
    }

    @Override
    public boolean add(SuppressionEntry entry) {
        checkWritable.run();
        String purpose = entry.purpose().map(PurposeId::value).orElse("");
        String what = "write " + sql.prefix() + "suppression";
        boolean exists = jdbc.queryOne(sql.suppressionExists, ps -> {
            ps.setString(1, entry.hash().value());
            ps.setString(2, purpose);
        }, rs -> Boolean.TRUE, what).isPresent();
        if (exists) {
            return false;
        }
        jdbc.update(sql.suppressionInsert, ps -> {
            ps.setString(1, entry.hash().value());
            ps.setString(2, purpose);
            ps.setLong(3, Rows.micros(entry.since(), "since"));
        }, what);
        return true;
    }

    @Override
    public Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose) {
        List<String> values = hashes.stream().map(KeyedHash::value).distinct().toList();
        Set<KeyedHash> found = new HashSet<>();
        for (int from = 0; from < values.size(); from += JdbcUnit.SET_CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + JdbcUnit.SET_CHUNK));
            jdbc.stream(sql.suppressionMatch, ps -> {
                jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk);
                ps.setString(2, purpose.value());
            }, rs -> new KeyedHash(rs.getString(1)), found::add, "read " + sql.prefix() + "suppression");
        }
        return found;
    }
}
