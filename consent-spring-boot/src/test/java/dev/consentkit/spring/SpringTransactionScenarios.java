package dev.consentkit.spring;

import dev.consentkit.AuditTrail;
import static dev.consentkit.spring.app.BookingCatalog.BOOKING;
import static dev.consentkit.spring.app.BookingCatalog.REMINDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.spring.app.Apps;
import dev.consentkit.spring.app.BookingApplication;
import dev.consentkit.spring.app.Bookings;
import dev.consentkit.spring.app.Client;
import dev.consentkit.spring.app.ClientRepository;
import dev.consentkit.spring.jpa.SealedFields;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ConsentKit inside a Spring application's transactions, with the JPA and the JDBC transaction
 * manager: what commits, what rolls back, and that the kit never commits the application's work
 * (issue 15, item 2; DESIGN §7 "The host's transaction decides"). Run on H2 and PostgreSQL.
 */
abstract class SpringTransactionScenarios {
    private ConfigurableApplicationContext app;
    private ConsentKit kit;
    private JdbcTemplate jdbc;
    private TransactionTemplate jpaTx;
    private TransactionTemplate jdbcTx;

    /** @return the spring.datasource.* properties of a fresh database */
    protected abstract Map<String, Object> freshDatabase();

    @BeforeEach
    void start() {
        app = Apps.start(freshDatabase(), Map.of(), BookingApplication.class);
        kit = app.getBean(ConsentKit.class);
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        jpaTx = new TransactionTemplate(app.getBean(JpaTransactionManager.class));
        jdbcTx = new TransactionTemplate(app.getBean(DataSourceTransactionManager.class));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aJpaTransactionThatCommitsKeepsTheClientAndTheConsentAndLinksTheAuditAfterCommit() {
        Client client = app.getBean(Bookings.class).register("Anna", "+4915112345678", true, false);

        assertThat(app.getBean(ClientRepository.class).findById(client.getId())).isPresent();
        assertThat(kit.check(client.subject(), REMINDERS).isPermitted()).isTrue();
        assertThat(pendingAuditEntries()).as("sequenced right after the commit").isZero();
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aJpaTransactionThatRollsBackLeavesNeitherTheClientNorTheConsent() {
        assertThatThrownBy(() -> app.getBean(Bookings.class).register("Boris", "+4915112345679", true, true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count("client")).isZero();
        assertThat(count("ck_ledger")).as("the consent never outlives the owner's rollback").isZero();
        assertThat(count("ck_audit_entry") + count("ck_audit")).isZero();
        assertThat(count("ck_data_key")).as("the key made for the phone went with the rollback").isZero();
    }

    @Test
    void aJdbcTransactionThatCommitsKeepsBothAndOneThatRollsBackKeepsNeither() {
        SubjectId kept = SubjectId.of("client-kept");
        SubjectId dropped = SubjectId.of("client-dropped");
        jdbcTx.executeWithoutResult(s -> {
            insertClientRow("Carla");
            give(kept);
        });
        assertThatThrownBy(() -> jdbcTx.executeWithoutResult(s -> {
            insertClientRow("Dmitri");
            give(dropped);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForList("SELECT name FROM client", String.class)).containsExactly("Carla");
        assertThat(kit.check(kept, REMINDERS).isPermitted()).isTrue();
        assertThat(kit.check(dropped, REMINDERS)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.NEVER_GIVEN));
        assertThat(count("ck_ledger")).isEqualTo(1);
    }

    @Test
    void aKitFailureInsideTheTransactionLeavesTheApplicationsWorkToTheApplication() {
        SubjectId subject = SubjectId.of("client-twice");
        jdbcTx.executeWithoutResult(s -> {
            insertClientRow("Emil");
            assertThatThrownBy(() -> kit.consent(subject, dev.consentkit.core.PurposeId.of("no-such-purpose"))
                    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give())
                    .isInstanceOf(RuntimeException.class);
            give(subject);
        });

        assertThat(count("client")).isEqualTo(1);
        assertThat(kit.check(subject, REMINDERS).isPermitted()).isTrue();
    }

    @Test
    void outsideASpringTransactionTheKitCommitsItsOwnBeforeReturning() {
        SubjectId subject = SubjectId.of("client-alone");
        give(subject);

        assertThat(count("ck_ledger")).isEqualTo(1);
        assertThat(pendingAuditEntries()).isZero();
    }

    @Test
    void aReadOnlyTransactionChecksAndOpensAFieldAndTheOpeningIsAuditedEvenAfterItsRollback() {
        Client saved = app.getBean(Bookings.class).register("Fatima", "+4915112345670", true, false);
        TransactionTemplate readOnly = new TransactionTemplate(app.getBean(JpaTransactionManager.class));
        readOnly.setReadOnly(true);
        long opensBefore = audited("field.opened");

        String phone = readOnly.execute(s -> {
            Client client = app.getBean(ClientRepository.class).findById(saved.getId()).orElseThrow();
            assertThat(kit.check(client.subject(), REMINDERS).isPermitted()).isTrue();
            String opened = app.getBean(SealedFields.class).open(client.getPhone(), BOOKING).orElseThrow();
            s.setRollbackOnly();
            return opened;
        });

        assertThat(phone).isEqualTo("+4915112345670");
        assertThat(audited("field.opened")).isEqualTo(opensBefore + 1);
    }

    /**
     * Issue 13 item 2: the kit is a bean with a close method that runs on context shutdown, before its
     * pool closes: the audit entry of an opening still queued (written behind, here with a 10 s delay)
     * is written and linked, not lost.
     */
    @Test
    void closingTheContextWritesTheReadAuditsStillQueuedAndLinksThem() throws Exception {
        Map<String, Object> database = freshDatabase();
        try (ConfigurableApplicationContext slow = Apps.start(database, Map.of(), BookingApplication.class, SlowReadAudits.class)) {
            Client saved = slow.getBean(Bookings.class).register("Jana", "+4915112345671", true, false);
            assertThat(AuditTrail.of(slow.getBean(ConsentKit.class)).readAuditMode())
                    .isEqualTo(ReadAuditMode.writeBehind(Duration.ofSeconds(10), ReadAuditMode.DEFAULT_CAPACITY));
            assertThat(slow.getBean(SealedFields.class).open(saved.getPhone(), BOOKING)).contains("+4915112345671");
        }

        try (Connection c = DriverManager.getConnection((String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"), (String) database.get("spring.datasource.password"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ck_audit WHERE action = 'field.opened'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the opening's audit was written at shutdown").isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ck_audit_entry")) {
                rs.next();
                assertThat(rs.getLong(1)).as("and linked into the chain").isZero();
            }
        }
    }

    @Test
    void aWriteInsideAReadOnlyTransactionIsRefusedWithAClearMessageAndNothingIsStored() {
        TransactionTemplate readOnly = new TransactionTemplate(app.getBean(DataSourceTransactionManager.class));
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(s -> give(SubjectId.of("client-ro"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only Spring transaction");
        assertThat(count("ck_ledger")).isZero();
    }

    @Test
    void aKitOnATransactionAwareProxyJoinsTheTransactionAndNeverCommitsIt() {
        try (ConfigurableApplicationContext proxied = Apps.start(freshDatabase(), Map.of(),
                BookingApplication.class, ProxiedDataSource.class)) {
            ConsentKit proxiedKit = proxied.getBean(ConsentKit.class);
            JdbcTemplate proxiedJdbc = new JdbcTemplate(proxied.getBean(DataSource.class));
            TransactionTemplate tx = new TransactionTemplate(proxied.getBean(DataSourceTransactionManager.class));
            SubjectId subject = SubjectId.of("client-proxied");

            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                proxiedJdbc.update("INSERT INTO client (id, version, name, phone) VALUES (?, 0, ?, ?)",
                        UUID.randomUUID(), "Gleb", "ck1.x");
                proxiedKit.consent(subject, REMINDERS)
                        .evidence(proxiedKit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(proxiedJdbc.queryForObject("SELECT COUNT(*) FROM client", Long.class))
                    .as("the kit did not commit the application's half-finished transaction").isZero();
            assertThat(proxiedKit.check(subject, REMINDERS).isPermitted()).isFalse();
        }
    }

    @Test
    void aSpringConnectionProxyReachingOwnTransactionModeIsJoinedNeverCommitted() {
        try (ConfigurableApplicationContext opaque = Apps.start(freshDatabase(), Map.of(),
                BookingApplication.class, OpaqueProxyConnectionSource.class)) {
            ConsentKit opaqueKit = opaque.getBean(ConsentKit.class);
            JdbcTemplate pool = new JdbcTemplate(opaque.getBean(DataSource.class));
            TransactionTemplate tx = new TransactionTemplate(opaque.getBean(DataSourceTransactionManager.class));
            SubjectId dropped = SubjectId.of("client-dropped");
            SubjectId kept = SubjectId.of("client-kept");

            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                pool.update("INSERT INTO client (id, version, name, phone) VALUES (?, 0, ?, ?)", UUID.randomUUID(), "Hana", "ck1.x");
                opaqueKit.consent(dropped, REMINDERS).evidence(opaqueKit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);
            tx.executeWithoutResult(s -> {
                pool.update("INSERT INTO client (id, version, name, phone) VALUES (?, 0, ?, ?)", UUID.randomUUID(), "Ilya", "ck1.x");
                opaqueKit.consent(kept, REMINDERS).evidence(opaqueKit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
            });

            assertThat(pool.queryForList("SELECT name FROM client", String.class)).containsExactly("Ilya");
            assertThat(opaqueKit.check(dropped, REMINDERS).isPermitted()).isFalse();
            assertThat(opaqueKit.check(kept, REMINDERS).isPermitted()).isTrue();
            assertThat(pool.queryForObject("SELECT COUNT(*) FROM ck_audit_entry", Long.class))
                    .as("linked after the commit the proxy's units joined").isZero();
        }
    }

    private void give(SubjectId subject) {
        kit.consent(subject, REMINDERS).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("f").build()).give();
    }

    private void insertClientRow(String name) {
        jdbc.update("INSERT INTO client (id, version, name, phone) VALUES (?, 0, ?, ?)", UUID.randomUUID(), name, "ck1.x");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private long pendingAuditEntries() {
        return count("ck_audit_entry");
    }

    private long audited(String action) {
        return AuditTrail.of(kit).records(1, 10_000).stream().filter(r -> r.event().action().code().equals(action)).count();
    }
}
