package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;

/**
 * Every statement of the JDBC stores, built once from the validated table prefix. Identifiers come
 * only from the prefix; values only through {@code ?}. The ledger and the audit chain have no
 * UPDATE and no DELETE here (pending audit entries are deleted once the sequencer moved them into the
 * chain). Stores added later keep their SQL in their own class ({@link JdbcKeyStore}, which rewraps
 * data keys in place and deletes them, crypto-shredding; {@link JdbcBlindIndexStore}, which deletes
 * entries on erasure; ...). Not API. Immutable.
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
    /** The event columns an audit entry has wherever it is, pending or linked. */
    static final String ENTRY_EVENT_COLUMNS = "time_us, actor_kind, actor_id, action, subject_ref, purpose_id, outcome,"
            + " reference, ledger_seq, ledger_digest, entry_mac";
    /** A linked record of the chain, as the audit SELECTs list it (and as the sequencer inserts it). */
    static final String AUDIT_COLUMNS = "seq, entry_id, link_format, " + ENTRY_EVENT_COLUMNS + ", previous_link, link";
    /** A pending entry, as its SELECTs list it. */
    static final String ENTRY_COLUMNS = "id, " + ENTRY_EVENT_COLUMNS;
    static final String CHECKPOINT_COLUMNS = "seq, link, time_us";

    final String ledgerInsert;
    final String ledgerByKey;
    final String ledgerPage;
    final String stateFind;
    final String stateFindAll;
    final String stateUpdate;
    final String stateInsert;
    final String stateByPurpose;
    final String suppressionExists;
    final String suppressionInsert;
    final String suppressionMatch;
    final String auditHead;
    final String auditPage;
    final String entryInsert;
    final String entriesPending;
    final String sequencerLock;
    final String sequencerTryLock;
    final String sequencerTurn;
    final String legacyLedgerUntil;
    final String verifiedRead;
    final String verifiedUpdate;
    final String verifiedInsert;
    final String lockRow;
    final String lockLastSeq;
    final String lockLastSeqUpdate;
    final String ledgerLastSeq;
    final String ledgerSubjectsFirst;
    final String ledgerSubjectsAfter;
    final String ledgerRowsOf;
    final String stateRowsOf;
    final String orphansFirst;
    final String orphansAfter;
    final String bindings;
    final String checkpointInsert;
    final String checkpointAll;
    final String schemaVersion;
    /**
     * Row counts of the multi-row statements of the audit entries: n rows travel as chunks of these
     * sizes, largest first (so a handful of distinct statements, each prepared once per connection).
     */
    static final int[] ROWS = {500, 100, 20, 5, 1};
    /** By index into {@link #ROWS}: insert n pending entries returning their ids and MACs, if the dialect can. */
    private final String[] entryInsertsReturning = new String[ROWS.length];
    /** By index into {@link #ROWS}: insert n linked records; delete n pending entries by id. */
    private final String[] auditInserts = new String[ROWS.length];
    private final String[] entryDeletes = new String[ROWS.length];
    /**
     * PostgreSQL only (else null): the same writes with one array parameter per column, whatever the
     * number of rows ({@code unnest}), so each is one statement text, planned once per connection.
     */
    final String entryInsertArrays;
    final String auditInsertArrays;
    final String entryDeleteArray;
    /** PostgreSQL only (else null): draws n ids from the sequence of {@code audit_entry.id}. */
    final String entryIdsReserve;
    private final String prefix;
    private final String auditSelect;
    private final String ledgerSelect;

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
        ledgerSelect = "SELECT " + LEDGER_COLUMNS + " FROM " + ledger;
        ledgerByKey = ledgerSelect + " WHERE idempotency_key = ?";
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
        suppressionExists = "SELECT 1 FROM " + suppression + " WHERE hash = ? AND purpose_id = ?";
        suppressionInsert = "INSERT INTO " + suppression + " (hash, purpose_id, since_us) VALUES (?, ?, ?)";
        suppressionMatch = setTable.isPresent()
                ? "SELECT DISTINCT s.hash FROM " + setTable.get() + " JOIN " + suppression
                        + " s ON s.hash = u.v WHERE s.purpose_id IN (?, '')"
                : "SELECT DISTINCT hash FROM " + suppression + " WHERE " + dialect.inSet("hash")
                        + " AND purpose_id IN (?, '')";
        auditSelect = "SELECT " + AUDIT_COLUMNS + " FROM " + audit;
        auditHead = auditSelect + " ORDER BY seq DESC LIMIT 1";
        auditPage = auditSelect + " WHERE seq >= ? ORDER BY seq LIMIT ?";
        String entry = prefix + "audit_entry";
        entryInsert = "INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS + ") VALUES (" + marks(11) + ")";
        entriesPending = "SELECT " + ENTRY_COLUMNS + " FROM " + entry + " ORDER BY id LIMIT ?";
        String sequencer = prefix + "audit_sequencer";
        sequencerLock = "SELECT id FROM " + sequencer + " WHERE id = 1 FOR UPDATE";
        sequencerTryLock = sequencerLock + " SKIP LOCKED";
        // the update makes a sequencer whose snapshot predates the last run fail (serialization) rather
        // than read an old head, under an isolation level stricter than READ COMMITTED
        sequencerTurn = "UPDATE " + sequencer + " SET runs = runs + 1 WHERE id = 1";
        legacyLedgerUntil = "SELECT legacy_ledger_until FROM " + sequencer + " WHERE id = 1";
        String verified = prefix + "audit_verified";
        verifiedRead = "SELECT audit_seq, audit_link, ledger_high, sweep_after, legacy_until, time_us, mac FROM "
                + verified + " WHERE id = 1";
        verifiedUpdate = "UPDATE " + verified + " SET audit_seq = ?, audit_link = ?, ledger_high = ?, sweep_after = ?,"
                + " legacy_until = ?, time_us = ?, mac = ? WHERE id = 1";
        verifiedInsert = "INSERT INTO " + verified + " (audit_seq, audit_link, ledger_high, sweep_after, legacy_until,"
                + " time_us, mac, id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)";
        lockRow = dialect.lockRow(prefix + "scope_lock");
        // a locking read by the whole primary key of a row that exists: a record lock, never a gap lock
        lockLastSeq = "SELECT last_seq FROM " + prefix + "scope_lock WHERE subject_id = ? AND area = ? FOR UPDATE";
        lockLastSeqUpdate = "UPDATE " + prefix + "scope_lock SET last_seq = ? WHERE subject_id = ? AND area = ?";
        ledgerLastSeq = "SELECT MAX(seq) FROM " + ledger + " WHERE subject_id = ? AND purpose_id = ?";
        ledgerSubjectsFirst = "SELECT DISTINCT subject_id FROM " + ledger + " ORDER BY subject_id LIMIT ?";
        ledgerSubjectsAfter = "SELECT DISTINCT subject_id FROM " + ledger + " WHERE subject_id > ? ORDER BY subject_id"
                + " LIMIT ?";
        ledgerRowsOf = ledgerSelect + " WHERE " + dialect.inSet("subject_id") + " ORDER BY subject_id, seq";
        stateRowsOf = stateSelect + " WHERE " + dialect.inSet("subject_id");
        String orphan = "SELECT DISTINCT p.subject_id FROM " + projection + " p WHERE ";
        String noLedger = "NOT EXISTS (SELECT 1 FROM " + ledger + " l WHERE l.subject_id = p.subject_id)"
                + " ORDER BY p.subject_id LIMIT ?";
        orphansFirst = orphan + noLedger;
        orphansAfter = orphan + "p.subject_id > ? AND " + noLedger;
        bindings = auditSelect + " WHERE ledger_seq >= ? AND ledger_seq <= ? UNION ALL SELECT 0, id, 2, "
                + ENTRY_EVENT_COLUMNS + ", '', '' FROM " + entry + " WHERE ledger_seq >= ? AND ledger_seq <= ?"
                + " ORDER BY 12, 2 LIMIT ?";
        checkpointInsert = "INSERT INTO " + checkpoint + " (seq, link, time_us) VALUES (?, ?, ?)";
        checkpointAll = "SELECT " + CHECKPOINT_COLUMNS + " FROM " + checkpoint + " ORDER BY id";
        schemaVersion = "SELECT MAX(version) FROM " + prefix + "schema_version";
        if (dialect.supports(Dialect.Capability.POSTGRESQL_ARRAY_BATCHES)) {
            String entryArrays = "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[]";
            entryInsertArrays = "INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS + ") SELECT * FROM unnest("
                    + entryArrays + ") RETURNING id, entry_mac";
            auditInsertArrays = "INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") SELECT * FROM unnest(?::bigint[],"
                    + " ?::bigint[], ?::smallint[], " + entryArrays + ", ?::varchar[], ?::varchar[])";
            entryDeleteArray = "DELETE FROM " + entry + " WHERE id = ANY(?::bigint[])";
            entryIdsReserve = "SELECT nextval(pg_get_serial_sequence('" + entry + "', 'id')) FROM generate_series(1, ?)";
        } else {
            entryInsertArrays = null;
            auditInsertArrays = null;
            entryDeleteArray = null;
            entryIdsReserve = null;
        }
        for (int i = 0; i < ROWS.length; i++) {
            int n = ROWS[i];
            entryInsertsReturning[i] = dialect.insertReturning("INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS
                    + ") VALUES " + rows(n, 11), "id, entry_mac").orElse(null);
            auditInserts[i] = "INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") VALUES " + rows(n, 16);
            entryDeletes[i] = "DELETE FROM " + entry + " WHERE id IN (" + marks(n) + ")";
        }
    }

    /**
     * @param chunk an index into {@link #ROWS}
     * @return the insert of that many pending entries returning {@code id, entry_mac}, or null if the
     *         dialect has no such statement
     */
    String entryInsertReturning(int chunk) {
        return entryInsertsReturning[chunk];
    }

    /**
     * @param chunk an index into {@link #ROWS}
     * @return the insert of that many linked records (the columns of {@link #AUDIT_COLUMNS}, row after row)
     */
    String auditInsertRows(int chunk) {
        return auditInserts[chunk];
    }

    /**
     * @param chunk an index into {@link #ROWS}
     * @return the delete of that many pending entries by id
     */
    String entryDeleteIds(int chunk) {
        return entryDeletes[chunk];
    }

    private static String rows(int n, int columns) {
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

    /**
     * @param n how many sequences
     * @return the audit SELECT of records whose entry ids are among {@code n} parameters
     */
    String auditOfEntries(int n) {
        return auditSelect + " WHERE entry_id IN (" + marks(n) + ") ORDER BY seq";
    }

    /**
     * @param n how many sequences
     * @return the ledger SELECT of rows whose sequences are among {@code n} parameters
     */
    String ledgerAt(int n) {
        return ledgerSelect + " WHERE seq IN (" + marks(n) + ") ORDER BY seq";
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
