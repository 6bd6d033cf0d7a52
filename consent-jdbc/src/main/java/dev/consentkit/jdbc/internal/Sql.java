package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.Dialect;

/**
 * Every statement of the JDBC stores, built once from the validated table prefix. Identifiers come
 * only from the prefix; values only through {@code ?}. The ledger and the audit chain have no
 * UPDATE and no DELETE here. Stores added later keep their SQL in their own class
 * ({@link JdbcKeyStore}, {@link JdbcBlindIndexStore}, ...). Not API. Immutable.
 */
public final class Sql {
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,15}");
    static final String EVENT_COLUMNS = "event_id, subject_id, purpose_id, channel, asset_id, kind, occurred_at_us,"
            + " recorded_at_us, notice_id, notice_version, notice_locale, notice_sha256, method, form_id, ip_hash,"
            + " ua_hash, actor_kind, actor_id, guardian_id, attachment_ref, valid_until_us, idempotency_key,"
            + " request_digest";
    static final String STATE_COLUMNS = "subject_id, purpose_id, channel, asset_id, status, since_us, notice_id,"
            + " notice_version, notice_locale, notice_sha256, valid_until_us, seq, restricted, objected";
    /** The columns of a ledger row as the ledger's SELECTs list them: its sequence, then the event. */
    static final String LEDGER_COLUMNS = "seq, " + EVENT_COLUMNS;
    static final String AUDIT_COLUMNS = "seq, time_us, actor_kind, actor_id, action, subject_ref, purpose_id, outcome,"
            + " reference, previous_link, link";
    static final String SUPPRESSION_COLUMNS = "hash, purpose_id, since_us";
    static final String CHECKPOINT_COLUMNS = "seq, link, time_us";

    final String ledgerInsert;
    final String ledgerByKey;
    final String ledgerBySubject;
    final String ledgerPage;
    final String stateFind;
    final String stateFindAll;
    final String stateUpdate;
    final String stateInsert;
    final String stateByPurpose;
    final String stateAll;
    final String suppressionExists;
    final String suppressionInsert;
    final String suppressionMatch;
    final String suppressionAll;
    final String auditHead;
    final String auditInsert;
    final String auditPage;
    final String checkpointInsert;
    final String checkpointAll;
    final String schemaVersion;
    final String writerTurn;
    private final String prefix;

    /**
     * @param prefix the validated table prefix
     * @param dialect the dialect, for its set condition or set table
     */
    public Sql(String prefix, Dialect dialect) {
        this.prefix = prefix;
        String ledger = prefix + "ledger";
        String projection = prefix + "projection";
        String suppression = prefix + "suppression";
        String audit = prefix + "audit";
        String checkpoint = prefix + "audit_checkpoint";
        ledgerInsert = "INSERT INTO " + ledger + " (" + EVENT_COLUMNS + ") VALUES (" + marks(23) + ")";
        String ledgerSelect = "SELECT " + LEDGER_COLUMNS + " FROM " + ledger;
        ledgerByKey = ledgerSelect + " WHERE idempotency_key = ?";
        ledgerBySubject = ledgerSelect + " WHERE subject_id = ? ORDER BY seq";
        ledgerPage = ledgerSelect + " WHERE seq > ? ORDER BY seq LIMIT ?";
        String stateSelect = "SELECT " + STATE_COLUMNS + " FROM " + projection;
        stateFind = stateSelect + " WHERE subject_id = ? AND purpose_id = ?";
        // bulk reads bind the set first (parameter 1), then the purpose (2), in either form
        java.util.Optional<String> setTable = dialect.setTable("u");
        stateFindAll = setTable.isPresent()
                ? "SELECT " + qualified("p", STATE_COLUMNS) + " FROM " + setTable.get() + " JOIN " + projection
                        + " p ON p.subject_id = u.v WHERE p.purpose_id = ?"
                : stateSelect + " WHERE " + dialect.inSet("subject_id") + " AND purpose_id = ?";
        stateUpdate = "UPDATE " + projection + " SET status = ?, since_us = ?, notice_id = ?, notice_version = ?,"
                + " notice_locale = ?, notice_sha256 = ?, valid_until_us = ?, seq = ?, restricted = ?, objected = ?"
                + " WHERE subject_id = ? AND purpose_id = ? AND channel = ? AND asset_id = ?";
        stateInsert = "INSERT INTO " + projection + " (" + STATE_COLUMNS + ") VALUES (" + marks(14) + ")";
        stateByPurpose = stateSelect + " WHERE purpose_id = ? ORDER BY subject_id, channel, asset_id";
        stateAll = stateSelect + " ORDER BY subject_id, purpose_id, channel, asset_id";
        suppressionExists = "SELECT 1 FROM " + suppression + " WHERE hash = ? AND purpose_id = ?";
        suppressionInsert = "INSERT INTO " + suppression + " (hash, purpose_id, since_us) VALUES (?, ?, ?)";
        suppressionMatch = setTable.isPresent()
                ? "SELECT DISTINCT s.hash FROM " + setTable.get() + " JOIN " + suppression
                        + " s ON s.hash = u.v WHERE s.purpose_id IN (?, '')"
                : "SELECT DISTINCT hash FROM " + suppression + " WHERE " + dialect.inSet("hash")
                        + " AND purpose_id IN (?, '')";
        suppressionAll = "SELECT " + SUPPRESSION_COLUMNS + " FROM " + suppression + " ORDER BY since_us, hash, purpose_id";
        auditHead = "SELECT " + AUDIT_COLUMNS + " FROM " + audit + " ORDER BY seq DESC LIMIT 1";
        // appends only the head's successor: a gap or a duplicate inserts nothing (and a race fails on the key).
        // COALESCE stays outside the derived table: inside it, H2 scans the whole table instead of
        // reading MAX(seq) from the key (and pushes the outer condition into a HAVING)
        auditInsert = "INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") SELECT " + marks(11)
                + " FROM (SELECT MAX(seq) AS head FROM " + audit + ") h WHERE COALESCE(h.head, 0) = ?";
        auditPage = "SELECT " + AUDIT_COLUMNS + " FROM " + audit + " WHERE seq >= ? ORDER BY seq LIMIT ?";
        checkpointInsert = "INSERT INTO " + checkpoint + " (seq, link, time_us) VALUES (?, ?, ?)";
        checkpointAll = "SELECT " + CHECKPOINT_COLUMNS + " FROM " + checkpoint + " ORDER BY id";
        schemaVersion = "SELECT MAX(version) FROM " + prefix + "schema_version";
        writerTurn = "UPDATE " + prefix + "writer_lock SET turns = turns + 1 WHERE id = 1";
    }

    /**
     * @param prefix a table prefix
     * @return it, if it is a lower-case letter followed by up to 15 lower-case letters, digits or underscores
     * @throws IllegalArgumentException otherwise: quotes, blanks and SQL never reach a statement
     */
    public static String checkPrefix(String prefix) {
        java.util.Objects.requireNonNull(prefix, "tablePrefix");
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

    private static String qualified(String alias, String columns) {
        return java.util.Arrays.stream(columns.split(", ")).map(c -> alias + "." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
