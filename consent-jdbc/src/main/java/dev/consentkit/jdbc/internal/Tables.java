package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validated table prefix and the statements of the consent stores, built once per storage (each
 * store's own {@code Sql}: {@link JdbcLedgerStore.Sql}, {@link JdbcProjectionStore.Sql},
 * {@link JdbcSuppressionStore.Sql}, {@link JdbcAuditStore.Sql}) and handed to every unit of work.
 * Identifiers come only from the prefix; values only through {@code ?}. The feature stores build theirs
 * from {@link #prefix()}. Not API. Immutable.
 */
public final class Tables {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,15}");
    private final String prefix;
    private final String schemaVersion;
    final JdbcLedgerStore.Sql ledger;
    final JdbcProjectionStore.Sql projection;
    final JdbcSuppressionStore.Sql suppression;
    final JdbcAuditStore.Sql audit;

    /**
     * @param prefix the validated table prefix
     * @param dialect the dialect, for its set condition or set table, its lock statement and its capabilities
     */
    public Tables(String prefix, Dialect dialect) {
        this.prefix = prefix;
        schemaVersion = "SELECT MAX(version) FROM " + prefix + "schema_version";
        ledger = new JdbcLedgerStore.Sql(prefix, dialect);
        projection = new JdbcProjectionStore.Sql(prefix, dialect);
        suppression = new JdbcSuppressionStore.Sql(prefix, dialect);
        audit = new JdbcAuditStore.Sql(prefix, dialect);
    }

    /**
     * @param prefix a table prefix
     * @return it, if it is a lower-case letter followed by up to 15 lower-case letters, digits or underscores
     * @throws IllegalArgumentException otherwise: quotes, blanks and SQL never reach a statement
     */
    public static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix must match " + PREFIX.pattern());
        }
        return prefix;
    }

    /** @return the table prefix */
    public String prefix() {
        return prefix;
    }

    /** @return the statement reading the installed schema version */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** @return {@code n} parameter marks separated by commas */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** @return {@code n} rows of {@code columns} parameter marks, for a multi-row {@code VALUES} */
    static String rows(int n, int columns) {
        String row = "(" + marks(columns) + ")";
        StringBuilder out = new StringBuilder(n * (row.length() + 2));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(row);
        }
        return out.toString();
    }

    /** @return the columns of a column list, each qualified by {@code alias} */
    static String qualified(String alias, String columns) {
        return Arrays.stream(columns.split(", ")).map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }
}
