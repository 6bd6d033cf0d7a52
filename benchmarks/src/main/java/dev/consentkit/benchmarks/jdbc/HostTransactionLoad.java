package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 13's host-transaction load: many threads of a host, each running host transactions on a
 * HikariCP pool of {@value LoadServer#POOL_SIZE} that insert a client row, record the client's
 * newsletter consent, do {@code W} ms of the host's own work and commit.
 *
 * <ul>
 *   <li>{@link #kitTransaction}: the consent through ConsentKit, joined to the host's transaction
 *       ({@link HostBinding}): ledger event, projection row and audit link commit with the client row.</li>
 *   <li>{@link #rawTransaction} (the baseline): the consent as one plain {@code INSERT} into a host
 *       table {@code bench_consent} holding what a host would keep without ConsentKit (purpose, status,
 *       time, notice id, version, locale and text hash, collection method and form).</li>
 * </ul>
 *
 * <p>The host's work is a sleep inside the open transaction: it stands for the host's own processing
 * (validation, other tables, a remote call), during which whatever the transaction locked stays
 * locked. Every transaction uses a new client id; a failed one is rolled back whole.
 *
 * <p>One instance is one fresh database on the server, ConsentKit's schema under {@code ck_}, a kit
 * with the JDBC benchmarks' catalogue, keys and fixed clock ({@link JdbcBenchCatalog}) over a
 * {@link JdbcStorage} with the default connection source (joins a bound connection). {@link #open}
 * runs one transaction of each side and checks what they wrote; {@link #checkAtomicity()} checks
 * afterwards that every committed client has its consent and no consent lacks its client. Thread-safe.
 */
final class HostTransactionLoad implements AutoCloseable {
    private static final String CREATE_CLIENT = "CREATE TABLE bench_client (id VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " name VARCHAR(200) NOT NULL, email VARCHAR(200) NOT NULL, created_us BIGINT NOT NULL)";
    private static final String CREATE_CONSENT = "CREATE TABLE bench_consent (client_id VARCHAR(64) NOT NULL,"
            + " purpose VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL, at_us BIGINT NOT NULL,"
            + " notice_id VARCHAR(64) NOT NULL, notice_version VARCHAR(16) NOT NULL, notice_locale VARCHAR(35) NOT NULL,"
            + " notice_sha256 CHAR(64) NOT NULL, method VARCHAR(32) NOT NULL, form_id VARCHAR(64),"
            + " PRIMARY KEY (client_id, purpose))";
    private static final String INSERT_CLIENT = "INSERT INTO bench_client (id, name, email, created_us) VALUES (?, ?, ?, ?)";
    private static final String INSERT_CONSENT = "INSERT INTO bench_consent (client_id, purpose, status, at_us, notice_id,"
            + " notice_version, notice_locale, notice_sha256, method, form_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Clients of one side without their consent, and consents of that side without their client. */
    private static final String KIT_ORPHANS = "SELECT (SELECT COUNT(*) FROM bench_client c WHERE c.id LIKE 'k-%'"
            + " AND NOT EXISTS (SELECT 1 FROM ck_projection p WHERE p.subject_id = c.id))"
            + " + (SELECT COUNT(*) FROM ck_projection p WHERE p.subject_id LIKE 'k-%'"
            + " AND NOT EXISTS (SELECT 1 FROM bench_client c WHERE c.id = p.subject_id))";
    private static final String RAW_ORPHANS = "SELECT (SELECT COUNT(*) FROM bench_client c WHERE c.id LIKE 'r-%'"
            + " AND NOT EXISTS (SELECT 1 FROM bench_consent b WHERE b.client_id = c.id))"
            + " + (SELECT COUNT(*) FROM bench_consent b"
            + " WHERE NOT EXISTS (SELECT 1 FROM bench_client c WHERE c.id = b.client_id))";

    private final HikariDataSource pool;
    private final JdbcStorage storage;
    private final ConsentKit kit;
    private final Evidence evidence;
    private final long workMillis;
    private final NoticeRef notice = JdbcBenchCatalog.noticeShown();
    private final long now = JdbcBenchCatalog.micros(JdbcBenchCatalog.NOW);
    private final AtomicLong next = new AtomicLong();

    private HostTransactionLoad(HikariDataSource pool, JdbcStorage storage, long workMillis) {
        this.pool = pool;
        this.storage = storage;
        this.kit = JdbcBenchCatalog.kit(storage);
        this.evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build();
        this.workMillis = workMillis;
    }

    /**
     * @param server where
     * @param workMillis the host's work per transaction, in milliseconds, inside the open transaction
     * @return the workload on a fresh database, one transaction of each side run and checked
     * @throws Exception if the database cannot be set up or a side's first transaction fails or writes
     *                   other than expected
     */
    static HostTransactionLoad open(LoadServer server, long workMillis) throws Exception {
        HikariDataSource pool = server.freshPool();
        try {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_CLIENT);
                s.execute(CREATE_CONSENT);
            }
            HostTransactionLoad load = new HostTransactionLoad(pool,
                    JdbcStorage.builder(pool).tablePrefix("ck_").build(), workMillis);
            load.kitTransaction(0);
            load.rawTransaction(0);
            load.checkAtomicity();
            if (!load.kit.check(SubjectId.of("k-0"), NEWSLETTER).isPermitted()) {
                throw new IllegalStateException("the kit's first consent does not permit the newsletter");
            }
            return load;
        } catch (Exception | Error e) {
            pool.close();
            throw e;
        }
    }

    /** @return the pool, for reading the server's settings */
    HikariDataSource pool() {
        return pool;
    }

    /**
     * One host transaction with ConsentKit: client row, consent joined to the transaction, host work,
     * commit.
     *
     * @param worker unused; every transaction takes the next client id
     * @throws Exception if a statement, the consent or the commit fails (the transaction is rolled back)
     */
    @SuppressWarnings("try") // the binding is held, not used
    void kitTransaction(int worker) throws Exception {
        String id = "k-" + next.getAndIncrement();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertClient(c, id);
                try (AutoCloseable joined = HostBinding.bind(storage, c)) {
                    kit.consent(SubjectId.of(id), NEWSLETTER).locale(JdbcBenchCatalog.LOCALE).evidence(evidence).give();
                }
                hostWork();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * One host transaction without ConsentKit: client row, consent row in the host's table, host work,
     * commit.
     *
     * @param worker unused; every transaction takes the next client id
     * @throws Exception if a statement or the commit fails (the transaction is rolled back)
     */
    void rawTransaction(int worker) throws Exception {
        String id = "r-" + next.getAndIncrement();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertClient(c, id);
                try (PreparedStatement ps = c.prepareStatement(INSERT_CONSENT)) {
                    ps.setString(1, id);
                    ps.setString(2, NEWSLETTER.value());
                    ps.setString(3, "GIVEN");
                    ps.setLong(4, now);
                    ps.setString(5, notice.notice().value());
                    ps.setString(6, notice.version().toString());
                    ps.setString(7, notice.locale().toLanguageTag());
                    ps.setString(8, notice.textSha256());
                    ps.setString(9, CollectionMethod.WEB_CHECKBOX.name());
                    ps.setString(10, "signup");
                    ps.executeUpdate();
                }
                hostWork();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * @throws SQLException if the check cannot run
     * @throws IllegalStateException if a committed client lacks its consent, or a consent its client,
     *                               on either side: a transaction was not atomic
     */
    void checkAtomicity() throws SQLException {
        try (Connection c = pool.getConnection()) {
            for (String query : new String[] {KIT_ORPHANS, RAW_ORPHANS}) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException(rs.getLong(1) + " clients and consents not committed together ("
                                + (query.equals(KIT_ORPHANS) ? "kit" : "raw") + ")");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private void insertClient(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLIENT)) {
            ps.setString(1, id);
            ps.setString(2, "Client " + id);
            ps.setString(3, id + "@example.test");
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /** The host's own processing inside its open transaction (issue 13: "W ms of host work"). */
    private void hostWork() throws InterruptedException {
        if (workMillis > 0) {
            Thread.sleep(workMillis);
        }
    }
}
