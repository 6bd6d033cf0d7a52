package dev.consentkit.jdbc;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.IndexName;
import dev.consentkit.jdbc.spi.ConnectionSource;
import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.internal.SqlStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 and DESIGN §7 on a real database: a binding is joined only by the storage it was made for;
 * own transactions work with pools in either auto-commit mode and touch nothing they do not own;
 * writers of different subjects never wait for an open host transaction, writers of the same subject
 * and purpose do; reads and read audits work inside a read-only host transaction. No timing is
 * asserted: waiting is shown by a lock timeout the database raises, not waiting by a write that
 * completes while the other transaction is still open. Each database runs it through a subclass.
 */
abstract class HostTransactionScenarios {
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final SubjectId BOB = SubjectId.of("client-bob");
    private static final AuditAction OPENED = new AuditAction("field.opened");
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** @return the dialect of the databases */
    protected abstract Dialect dialect();

    @AfterEach
    final void stopTheOtherThread() {
        other.shutdownNow();
    }

    private DataSource installed() {
        DataSource ds = emptyDatabase();
        SchemaInstaller.of(ds, "ck_").install();
        return ds;
    }

    private static LedgerEntry give(ConsentKit kit, SubjectId s) {
        return kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    private static LedgerEntry withdraw(ConsentKit kit, SubjectId s) {
        return kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
    }

    // ---- binding --------------------------------------------------------------------------------------

    @Test
    void aBindingIsJoinedOnlyByTheStorageItWasMadeFor() throws SQLException {
        DataSource first = installed();
        DataSource second = installed();
        JdbcStorage a = JdbcStorage.builder(first).build();
        JdbcStorage b = JdbcStorage.builder(second).build();
        ConsentKit kitA = Fixtures.kit(a, clock);
        ConsentKit kitB = Fixtures.kit(b, clock);

        // A bound, B not: B's write commits on its own while A's waits for the host
        try (Connection c = first.getConnection()) {
            c.setAutoCommit(false);
            try (JdbcStorage.Binding binding = a.bind(c)) {
                give(kitA, ANNA);
                give(kitB, ANNA);
                assertThat(count(first, "ck_ledger")).as("A's write is in the host's open transaction").isZero();
                assertThat(count(second, "ck_ledger")).as("B committed its own").isEqualTo(1);
            }
            c.rollback();
        }
        assertThat(kitA.history(ANNA).entries()).isEmpty();
        assertThat(kitB.history(ANNA).entries()).hasSize(1);

        // both bound, each to its own connection, on one thread: each joins its own
        try (Connection c1 = first.getConnection(); Connection c2 = second.getConnection()) {
            c1.setAutoCommit(false);
            c2.setAutoCommit(false);
            try (JdbcStorage.Binding b1 = a.bind(c1); JdbcStorage.Binding b2 = b.bind(c2)) {
                give(kitA, BOB);
                give(kitB, BOB);
                assertThatThrownBy(() -> a.bind(c1)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("bound");
            }
            c1.rollback();
            c2.commit();
        }
        assertThat(kitA.history(BOB).entries()).isEmpty();
        assertThat(kitB.history(BOB).entries()).hasSize(1);
        assertThat(AuditTrail.of(kitA).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kitB).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kitB).verifyLedger().isIntact()).isTrue();
    }

    @Test
    void aStorageWithAConnectionSourceOfItsOwnCannotBeBound() throws SQLException {
        DataSource ds = installed();
        JdbcStorage own = JdbcStorage.builder(ds).connectionSource(ConnectionSource.ownTransactions(ds)).build();
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> own.bind(c)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("connection source");
        }
    }

    // ---- own transactions -------------------------------------------------------------------------------

    /**
     * Own transactions on a pool configured either way: a writing unit turns auto-commit off only if it
     * was on and back on before it returns the connection; a reading unit makes no call that changes
     * transaction state (it never commits what might be someone else's transaction).
     */
    @Test
    void ownTransactionsWorkOnPoolsInEitherAutoCommitModeAndRestoreIt() {
        for (boolean poolAutoCommit : new boolean[] {true, false}) {
            DataSource ds = installed();
            AutoCommitRecordingDataSource pool = new AutoCommitRecordingDataSource(ds, poolAutoCommit);
            for (JdbcStorage storage : List.of(JdbcStorage.builder(pool).build(),
                    JdbcStorage.builder(pool).connectionSource(ConnectionSource.ownTransactions(pool)).build())) {
                ConsentKit kit = Fixtures.kit(storage, clock);
                SubjectId s = SubjectId.of("client-" + poolAutoCommit + "-" + storage.hashCode());
                pool.clear();
                give(kit, s);
                List<List<String>> writes = pool.connections();
                pool.clear();
                assertThat(kit.check(s, NEWSLETTER).isPermitted()).isTrue();
                List<List<String>> reads = pool.connections();

                assertThat(reads).as("a check, pool auto-commit %s", poolAutoCommit)
                        .singleElement().isEqualTo(List.of("closed autoCommit=" + poolAutoCommit));
                assertThat(writes).as("the write and its sequencing, pool auto-commit %s", poolAutoCommit)
                        .isNotEmpty()
                        .allSatisfy(calls -> {
                            assertThat(calls).last().isEqualTo("closed autoCommit=" + poolAutoCommit);
                            if (poolAutoCommit) {
                                assertThat(calls).startsWith("setAutoCommit(false)")
                                        .contains("setAutoCommit(true)");
                            } else {
                                assertThat(calls).noneMatch(c -> c.startsWith("setAutoCommit"));
                            }
                        });
                assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
            }
        }
    }

    // ---- who waits for whom -------------------------------------------------------------------------------

    /**
     * Writers of different subjects never wait for an open host transaction; a writer of the same
     * subject and purpose does. A host transaction that withdraws Anna's consent stays open; meanwhile,
     * on another thread, a host transaction with a short lock timeout gives Bob's consent (it commits),
     * checks and audits a read of Anna (done), and tries to give Anna's (the database times its lock
     * out). With the single writer turn of schema v3 Bob's write timed out too.
     */
    @Test
    void writersOfOtherSubjectsDoNotWaitForAnOpenHostTransactionAndWritersOfTheSameScopeDo() throws Exception {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);
        give(kit, ANNA);
        try (Connection host = ds.getConnection()) {
            host.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(host)) {
                withdraw(kit, ANNA); // Anna's scope is locked until the host commits
            }

            LedgerEntry bob = onTheOtherThread(() -> inHostTransaction(ds, storage, () -> give(kit, BOB)));
            assertThat(bob.event().kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
            assertThat(onTheOtherThread(() -> kit.check(ANNA, NEWSLETTER).isPermitted()))
                    .as("a read sees the committed state and does not wait").isTrue();
            AuditEvent read = openedBy("desk-1", kit, ANNA);
            onTheOtherThread(() -> {
                KitContext.of(kit).recordRead(read);
                AuditTrail.of(kit).flushReads(); // committed in a transaction of the kit's own, not waiting for the host
                return null;
            });
            Throwable annasSecondWriter = onTheOtherThread(() ->
                    catchThrowable(() -> inHostTransaction(ds, storage, () -> give(kit, ANNA))));

            assertThat(annasSecondWriter).as("a writer of the same scope waits for the lock").isInstanceOf(StorageException.class);
            assertThat(isLockTimeout(annasSecondWriter)).as("timed out waiting for the lock: %s", annasSecondWriter).isTrue();
            host.commit();
            assertThat(AuditTrail.of(kit).records(1, 10_000)).filteredOn(r -> r.event().equals(read)).singleElement()
                    .extracting(r -> r.event().action()).isEqualTo(OPENED);
        }
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isFalse();
        assertThat(kit.check(BOB, NEWSLETTER).isPermitted()).isTrue();
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
    }

    /**
     * Two writers of one subject and purpose take turns: the second, started while the first's host
     * transaction is open, sees the first's withdrawal once it commits — the ledger has both in order
     * and the projection is their replay (no forked state).
     */
    /**
     * Issue 13 item 1: 16 threads of host transactions, each on subjects of its own (a new subject's
     * scope-lock row and projection row inserted, then updated), never fail because of another
     * subject's consent: no deadlock victim, no serialization failure (on MariaDB the projection's
     * UPDATE-then-INSERT under REPEATABLE READ took gap locks, and InnoDB picked victims at 4 threads).
     */
    @Test
    void hostTransactionsOfDifferentSubjectsFromSixteenThreadsNeverFailBecauseOfEachOther() throws Exception {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);
        int threads = 16;
        int perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            List<Future<Void>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        SubjectId s = SubjectId.of("client-" + thread + "-" + i);
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(false);
                            try (JdbcStorage.Binding b = storage.bind(c)) {
                                give(kit, s);
                                withdraw(kit, s);
                                give(kit, s);
                            }
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(5, TimeUnit.MINUTES); // any exception of a host transaction fails the test here
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count(ds, "ck_ledger")).isEqualTo(threads * perThread * 3L);
        assertThat(kit.check(SubjectId.of("client-15-7"), NEWSLETTER).isPermitted()).isTrue();
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
    }

    @Test
    void twoWritersOfOneScopeTakeTurnsAndTheProjectionIsTheirReplay() throws Exception {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);
        give(kit, ANNA);
        Future<LedgerEntry> second;
        LedgerEntry withdrawal;
        try (Connection host = ds.getConnection()) {
            host.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(host)) {
                withdrawal = withdraw(kit, ANNA);
            }
            second = other.submit(() -> give(kit, ANNA));
            host.commit();
        }
        LedgerEntry renewed = second.get(60, TimeUnit.SECONDS);

        assertThat(renewed.sequence()).isGreaterThan(withdrawal.sequence());
        assertThat(kit.history(ANNA).entries()).extracting(e -> e.event().kind()).containsExactly(
                ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.GIVEN);
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
    }

    /**
     * A kit call that fails inside a bound transaction undoes only its own writes (its savepoint; on
     * PostgreSQL set by SQL with the unit's first statement): after a refusal raised once the scope was
     * locked, and after a lock timeout (which on PostgreSQL aborts everything since the last
     * savepoint), the host's own rows before and after stay, its later consent commits with them, and
     * the failed calls leave no lock row, ledger event or audit entry.
     */
    @Test
    void aFailedCallInABoundTransactionUndoesOnlyItsOwnWrites() throws Exception {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);
        SubjectId carol = SubjectId.of("client-carol");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE host_note (id VARCHAR(32) PRIMARY KEY)");
        }
        give(kit, ANNA);
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(holder)) {
                withdraw(kit, ANNA); // Anna's scope stays locked until this commits
            }
            Throwable[] failures = onTheOtherThread(() -> inHostTransaction(ds, storage, () -> {
                Connection c = BOUND.get();
                note(c, "before");
                Throwable refused = catchThrowable(() -> withdraw(kit, carol)); // nothing to withdraw, after the lock
                Throwable timedOut = catchThrowable(() -> give(kit, ANNA)); // waits for the holder, times out
                give(kit, BOB);
                note(c, "after");
                return new Throwable[] {refused, timedOut};
            }));
            holder.commit();

            assertThat(failures[0]).isInstanceOf(NothingToWithdrawException.class);
            assertThat(isLockTimeout(failures[1])).as("timed out waiting for the lock: %s", failures[1]).isTrue();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT COUNT(*) FROM host_note")).as("the host's rows before and after").isEqualTo(2);
            assertThat(count(st, "SELECT COUNT(*) FROM ck_scope_lock WHERE subject_id = 'client-carol'"))
                    .as("the refused call's lock row was undone").isZero();
        }
        assertThat(kit.check(BOB, NEWSLETTER).isPermitted()).isTrue();
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).as("the holder's withdrawal, not the timed-out gift")
                .isFalse();
        assertThat(kit.history(ANNA).entries()).hasSize(2);
        assertThat(kit.history(carol).entries()).isEmpty();
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kit).records(1, 100)).hasSize(3);
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
    }

    /** The host connection {@link #inHostTransaction} bound on this thread. */
    private static final ThreadLocal<Connection> BOUND = new ThreadLocal<>();

    private static void note(Connection c, String id) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO host_note (id) VALUES (?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static long count(Statement st, String query) throws SQLException {
        try (java.sql.ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A shred locks the key rows and index entries it deletes, and nothing beside them. On MariaDB under
     * REPEATABLE READ a locking range read or a DELETE by a prefix of the key also locks the gaps on
     * either side of the subject's rows, so another subject's new key or index entry that falls into one
     * of those gaps would wait for the host's commit. Anna's neighbours are placed there: subject
     * references just before and after hers, a new subject between hers and the next, index entries of
     * the subjects beside her in the order of the erasure index. While the host transaction that shreds
     * Anna stays open, a host transaction on another thread (short lock timeout) writes and shreds them.
     */
    @Test
    void aShredInAnOpenHostTransactionMakesNoOtherSubjectsKeyOrIndexWriteWait() throws Exception {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        KeyedHash before = ref('a');
        KeyedHash anna = ref('m');
        KeyedHash between = ref('n');
        KeyedHash after = ref('t');
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(new WrappedKey(before, KeyGroup.of("contract"), 1, 101, KekId.of("kek-1"), new byte[] {1}, now));
            KeyStore.in(tx).add(new WrappedKey(anna, KeyGroup.of("contract"), 1, 201, KekId.of("kek-1"), new byte[] {2}, now));
            KeyStore.in(tx).add(new WrappedKey(anna, KeyGroup.of("marketing"), 1, 202, KekId.of("kek-1"), new byte[] {3}, now));
            KeyStore.in(tx).add(new WrappedKey(after, KeyGroup.of("contract"), 1, 301, KekId.of("kek-1"), new byte[] {4}, now));
            for (String s : List.of("client-a", "client-m", "client-t")) {
                BlindIndexStore.in(tx).put(entry(s, "v" + s.charAt(7)));
            }
            return null;
        });
        try (Connection host = ds.getConnection()) {
            host.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(host)) {
                storage.inTransaction(tx -> {
                    assertThat(KeyStore.in(tx).destroy(anna, List.of(), now)).isEqualTo(2);
                    assertThat(BlindIndexStore.in(tx).removeSubject(SubjectId.of("client-m"))).isEqualTo(1);
                    return null;
                });
            }

            int[] done = onTheOtherThread(() -> inHostTransaction(ds, storage, () -> storage.inTransaction(tx -> {
                KeyStore.in(tx).add(new WrappedKey(before, KeyGroup.of("contract"), 2, 102, KekId.of("kek-1"), new byte[] {5}, now));
                KeyStore.in(tx).add(new WrappedKey(between, KeyGroup.of("contract"), 1, 401, KekId.of("kek-1"), new byte[] {6}, now));
                BlindIndexStore.in(tx).put(entry("client-a", "vz"));
                BlindIndexStore.in(tx).put(entry("client-n", "vn"));
                return new int[] {KeyStore.in(tx).destroy(after, List.of(KeyGroup.of("contract")), now),
                    BlindIndexStore.in(tx).removeSubject(SubjectId.of("client-t"))};
            })));

            assertThat(done).containsExactly(1, 1);
            host.commit();
        }
        storage.read(tx -> {
            assertThat(KeyStore.in(tx).forSubject(anna)).isEmpty();
            assertThat(KeyStore.in(tx).shredsOf(anna)).extracting(k -> k.keyId()).containsExactlyInAnyOrder(201, 202);
            assertThat(KeyStore.in(tx).forSubject(before)).extracting(WrappedKey::version).containsExactly(1, 2);
            assertThat(KeyStore.in(tx).forSubject(between)).hasSize(1);
            assertThat(KeyStore.in(tx).shredsOf(after)).hasSize(1);
            assertThat(BlindIndexStore.in(tx).find(IndexName.of("client.email"), 1, "vm")).isEmpty();
            assertThat(BlindIndexStore.in(tx).find(IndexName.of("client.email"), 1, "vn")).containsExactly(SubjectId.of("client-n"));
            return null;
        });
    }

    // ---- reads stay reads -------------------------------------------------------------------------------

    /**
     * Inside a read-only host transaction (PostgreSQL refused the v3 writer turn with SQLState 25006):
     * a check, a history read and a read audit work; the audit is committed in a transaction of the
     * kit's own and survives the host's rollback.
     */
    @Test
    void aReadOnlyHostTransactionChecksReadsHistoryAndRecordsAReadThatOutlivesIt() throws SQLException {
        DataSource ds = installed();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);
        give(kit, ANNA);
        AuditEvent read = openedBy("desk-1", kit, ANNA);
        try (Connection host = ds.getConnection()) {
            readOnlyTransaction(host);
            try (JdbcStorage.Binding b = storage.bind(host)) {
                assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
                assertThat(kit.history(ANNA).entries()).hasSize(1);
                KitContext.of(kit).recordRead(read);
                AuditTrail.of(kit).flushReads(); // from inside the read-only transaction: the kit's own transaction
                if (!dialect().equals(Dialects.H2)) {
                    // the database does hold the host to read-only: a write in it is refused
                    assertThatThrownBy(() -> give(kit, BOB)).isInstanceOf(StorageException.class);
                }
            }
            host.rollback();
        }

        List<AuditRecord> recorded = AuditTrail.of(kit).records(1, 10_000);
        assertThat(recorded).filteredOn(r -> r.event().equals(read)).singleElement()
                .satisfies(r -> assertThat(r.entryMac()).isPresent());
        assertThat(kit.history(BOB).entries()).isEmpty();
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------------
    /** A subject reference of 43 times {@code c}: references sort by it. */
    private static KeyedHash ref(char c) {
        return new KeyedHash(String.valueOf(c).repeat(43));
    }

    private static BlindIndexEntry entry(String subject, String value) {
        return new BlindIndexEntry(IndexName.of("client.email"), 1, value, SubjectId.of(subject), KeyGroup.of("contract"), "client.email");
    }


    private AuditEvent openedBy(String staff, ConsentKit kit, SubjectId subject) {
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), Actor.operator(staff),
                OPENED, Optional.of(kit.subjectRef(subject)), Optional.of(NEWSLETTER),
                AuditOutcome.SUCCESS, Optional.of("clients.email"));
    }

    private <T> T onTheOtherThread(Callable<T> work) throws Exception {
        // a guard against a hang, not a timing assertion: the work either completes or it waited on a lock
        return other.submit(work).get(60, TimeUnit.SECONDS);
    }

    /** Runs {@code work} in a host transaction on its own connection, with a short lock timeout, and commits. */
    private <T> T inHostTransaction(DataSource ds, JdbcStorage storage, Callable<T> work) throws Exception {
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute(lockTimeout());
            }
            c.setAutoCommit(false);
            BOUND.set(c);
            try (JdbcStorage.Binding b = storage.bind(c)) {
                T result = work.call();
                c.commit();
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            } finally {
                BOUND.remove();
            }
        }
    }

    /** Starts a read-only transaction on the connection (H2 takes the flag as a hint only). */
    private void readOnlyTransaction(Connection c) throws SQLException {
        c.setReadOnly(true);
        c.setAutoCommit(false);
        if (dialect().equals(Dialects.MARIADB)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY"); // for the next transaction, the host's
            }
        }
    }

    private String lockTimeout() {
        return switch (dialect().name()) {
            case "postgresql" -> "SET lock_timeout = '500ms'";
            case "mariadb" -> "SET SESSION innodb_lock_wait_timeout = 1";
            default -> "SET LOCK_TIMEOUT 500";
        };
    }

    private static boolean isLockTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e && (SqlStates.anyInChain(e, "55P03", "HYT00")
                    || SqlStates.anyErrorCode(e, 1205))) {
                return true;
            }
        }
        return false;
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
