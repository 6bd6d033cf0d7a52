package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 13 (DESIGN §7 "many writers"): 16 threads give and withdraw consent, restrict processing and
 * lift the restriction (so that a lost update of one writer shows in the projection), open an encrypted field
 * (its read audited in a transaction of the kit's own) and erase clients, over 50 clients, each
 * operation either in the kit's own transaction or joined to a host transaction that commits or rolls
 * back. Afterwards the audit chain verifies, every projection row equals the replay of its ledger and
 * every ledger row is the one its audit entry binds ({@code verifyLedger}), no rolled-back write is
 * visible anywhere, and every plaintext handed out has its audit record. Each database runs it through
 * a subclass; the tries are few, as each one starts from an empty database.
 */
abstract class ConcurrencyScenarios {
    static final int THREADS = 16;
    static final int SUBJECTS = 50;
    static final int OPS_PER_THREAD = 25;
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("profile"));
    private static final Principal MANAGER = new Principal("manager-1", Set.of("manager"), false);

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** What a thread does next. */
    enum Kind { GIVE, WITHDRAW, RESTRICT, LIFT, OPEN, ERASE }

    /** How a write meets the host: the kit's own transaction, or joined to one the host commits or rolls back. */
    enum Host { OWN, COMMIT, ROLLBACK }

    /** One operation of a thread. */
    record Op(Kind kind, int subject, Host host) {
    }

    @Provide
    Arbitrary<List<List<Op>>> plans() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.GIVE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.WITHDRAW)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.RESTRICT)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.LIFT)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.OPEN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.ERASE)));
        // half the operations fall on five clients, so that writers of one scope do meet
        Arbitrary<Integer> subjects = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, SUBJECTS - 1)));
        Arbitrary<Op> ops = Combinators.combine(kinds, subjects, Arbitraries.of(Host.class)).as(Op::new);
        return ops.list().ofSize(OPS_PER_THREAD).list().ofSize(THREADS);
    }

    @Property(tries = 3, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void sixteenThreadsOfWritesOpensAndErasuresLeaveOneVerifiableTruth_M6_M21(@ForAll("plans") List<List<Op>> plan)
            throws Exception {
        World w = new World(emptyDatabase());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Void>> done = new ArrayList<>();
            for (List<Op> ops : plan) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (Op op : ops) {
                        w.run(op);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES); // a guard against a deadlock, not a timing assertion
            }
        } finally {
            pool.shutdownNow();
        }

        AuditVerification chain = AuditTrail.of(w.kit).verify();
        assertThat(chain).isInstanceOf(AuditVerification.Intact.class);
        LedgerVerification ledger = AuditTrail.of(w.kit).verifyLedger();
        assertThat(ledger.findings()).as("projection is the replay of the ledger; the ledger what the chain binds")
                .isEmpty();
        Set<String> inLedger = new HashSet<>();
        for (int i = 0; i < SUBJECTS; i++) {
            w.kit.history(subject(i)).entries().forEach(e -> inLedger.add(e.event().id().toString()));
        }
        assertThat(ledger.ledgerRows()).isEqualTo(inLedger.size());
        assertThat(inLedger).as("every committed write is there").containsAll(w.committed);
        assertThat(inLedger).as("no rolled-back write is visible").filteredOn(w.rolledBack::contains).isEmpty();
        List<AuditRecord> records = AuditTrail.of(w.kit).records(1, 10_000);
        assertThat(records).extracting(r -> r.event().reference().orElse(""))
                .as("nor its audit entry").filteredOn(w.rolledBack::contains).isEmpty();
        assertThat(records.stream().filter(r -> r.event().action().equals(FieldCrypto.FIELD_OPENED)
                && r.event().outcome() == dev.consentkit.core.audit.AuditOutcome.SUCCESS).count())
                .as("every plaintext handed out has its audit record, host rollbacks included")
                .isGreaterThanOrEqualTo(w.opened.get());
    }

    static SubjectId subject(int i) {
        return SubjectId.of(String.format("client-%02d", i));
    }

    /** The kit, its field encryption and erasure over one database, and what the threads saw. */
    static final class World {
        final DataSource ds;
        final JdbcStorage storage;
        final ConsentKit kit;
        final FieldCrypto crypto;
        final SubjectDataService data;
        final List<String> sealed = new ArrayList<>();
        final Set<String> committed = Collections.synchronizedSet(new HashSet<>());
        final Set<String> rolledBack = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger opened = new AtomicInteger();

        World(DataSource ds) {
            this.ds = ds;
            SchemaInstaller.of(ds, "ck_").install();
            this.storage = JdbcStorage.builder(ds).build();
            AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                    .grant("manager").purposes(Fixtures.ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
            this.kit = Instances.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"), policy);
            byte[] master = new byte[32];
            Arrays.fill(master, (byte) 3);
            byte[] indexKey = new byte[32];
            Arrays.fill(indexKey, (byte) 9);
            this.crypto = FieldCrypto.builder(kit).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), master))
                    .blindIndexKey(HmacKey.of(indexKey)).fields(EMAIL).build();
            this.data = SubjectDataService.builder(kit).build();
            for (int i = 0; i < SUBJECTS; i++) {
                committed.add(give(subject(i)).event().id().toString());
                sealed.add(crypto.seal(MANAGER, Fixtures.ORDERS, ref(i), "client" + i + "@example.org"));
            }
        }

        FieldRef ref(int i) {
            return EMAIL.at("row-" + i, subject(i));
        }

        LedgerEntry give(SubjectId s) {
            return kit.consent(s, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        }

        void run(Op op) throws Exception {
            SubjectId s = subject(op.subject());
            switch (op.kind()) {
                case GIVE -> write(op.host(), () -> give(s));
                case WITHDRAW -> write(op.host(), () -> {
                    try {
                        return kit.consent(s, Fixtures.NEWSLETTER)
                                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
                    } catch (NothingToWithdrawException e) {
                        return null;
                    }
                });
                case RESTRICT -> write(op.host(), () -> kit.restrict(s, Fixtures.NEWSLETTER, Actor.operator("dpo")));
                case LIFT -> write(op.host(), () -> kit.liftRestriction(s, Fixtures.NEWSLETTER, Actor.operator("dpo")));
                case OPEN -> host(op.host(), () -> {
                    try {
                        String plain = crypto.open(MANAGER, Fixtures.ORDERS, ref(op.subject()), sealed.get(op.subject()));
                        assertThat(plain).isEqualTo("client" + op.subject() + "@example.org");
                        opened.incrementAndGet();
                    } catch (KeyDestroyedException e) {
                        // erased by another thread: nothing to open, and the refusal is audited
                    }
                    return null;
                });
                case ERASE -> retrying(() -> data.erase(ErasureRequest.builder(s, Actor.operator("dpo")).build()));
            }
        }

        /** A ledger write: its event id is noted as committed or rolled back with the host. */
        private void write(Host host, Callable<LedgerEntry> work) throws Exception {
            List<LedgerEntry> written = new ArrayList<>();
            boolean kept = host(host, () -> {
                LedgerEntry e = work.call();
                if (e != null) {
                    written.add(e);
                }
                return null;
            });
            written.forEach(e -> (kept ? committed : rolledBack).add(e.event().id().toString()));
        }

        /**
         * Runs work in the kit's own transactions or in a host transaction that commits or rolls back. A
         * conflict the database raises in a host transaction (a deadlock victim, a stale snapshot) rolls
         * the host back, as a host would before retrying.
         *
         * @return whether the work's writes were kept
         */
        private boolean host(Host host, Callable<Void> work) throws Exception {
            if (host == Host.OWN) {
                work.call();
                return true;
            }
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (JdbcStorage.Binding b = storage.bind(c)) {
                    work.call();
                } catch (ConcurrentUpdateException e) {
                    c.rollback();
                    return false;
                } catch (Exception | Error e) {
                    c.rollback();
                    throw e;
                }
                if (host == Host.COMMIT) {
                    c.commit();
                    return true;
                }
                c.rollback();
                return false;
            }
        }

        private static <T> T retrying(Callable<T> work) throws Exception {
            ConcurrentUpdateException last = null;
            for (int i = 0; i < 10; i++) {
                try {
                    return work.call();
                } catch (ConcurrentUpdateException e) {
                    last = e;
                }
            }
            throw last;
        }
    }
}
