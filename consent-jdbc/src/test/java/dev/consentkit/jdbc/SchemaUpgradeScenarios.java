package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerFinding;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.LegacyAudit;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.LegacyAudit;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The v3 to v4 upgrade keeps what a database holds verifiable (RULES: test the upgrade with data in
 * the old layout): a v3 database with ledger, projection, audit records in link format 1 and an alert
 * that names an audit record by its sequence gets schema v4 applied; afterwards the old chain verifies
 * and continues with format-2 records, the old records keep their sequence as entry id, new entry ids
 * come after them, and {@code verifyLedger} checks the ledger rows written before the upgrade by
 * replay only (it says how many) and every later row against its digest. Each database runs it through
 * a subclass.
 */
abstract class SchemaUpgradeScenarios {
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final SubjectId BOB = SubjectId.of("client-bob");
    private static final SubjectId CARL = SubjectId.of("client-carl");
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** @return the dialect of the databases */
    protected abstract Dialect dialect();

    @Test
    void aVersion3DatabaseUpgradesAndItsChainAndLedgerStillVerify() throws SQLException {
        DataSource ds = emptyDatabase();
        for (int v = 1; v <= 3; v++) {
            apply(ds, v);
        }
        // what a v3 kit wrote, rebuilt row by row: the same kit in memory gives the events and states,
        // and the format-1 links are computed as v3 computed them
        ConsentKit before = Fixtures.kit(InMemoryStorage.create(), clock);
        List<LedgerEntry> legacy = new ArrayList<>();
        legacy.add(give(before, ANNA));
        clock.advance(Duration.ofMinutes(1));
        legacy.add(before.consent(ANNA, NEWSLETTER).evidence(before.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw());
        legacy.add(before.restrict(BOB, ORDERS, Actor.operator("dpo")));
        legacy.add(give(before, CARL));
        List<AuditEvent> events = AuditTrail.of(before).records(1, 100).stream().map(AuditRecord::event).toList();
        writeV3(ds, legacy, states(before), events);
        continueIdentityAfter(ds, legacy.get(legacy.size() - 1).sequence());
        long alert = 2; // an alert of v3 names the audit record it crossed at by its sequence
        sql(ds, "INSERT INTO ck_monitoring_alert (id, rule_name, actor_kind, actor_id, raised_at_us, observed, threshold,"
                + " audit_seq) VALUES ('" + UUID.randomUUID() + "', 'OPENS_PER_WINDOW', 'OPERATOR', 'desk-1', 1, 4, 3, "
                + alert + ")");

        apply(ds, 4);
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);

        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Intact(4, 4, AuditTrail.of(kit).records(4, 1).get(0).link()));
        assertThat(AuditTrail.of(kit).records(1, 10)).allSatisfy(r -> {
            assertThat(r.isUnreadable()).isFalse();
            assertThat(r.format()).isEqualTo(1);
            assertThat(r.entryId()).isEqualTo(r.sequence());
        });
        assertThat(AuditTrail.of(kit).recordsOf(List.of(alert))).singleElement().extracting(AuditRecord::sequence).isEqualTo(alert);
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isFalse();
        assertThat(kit.check(CARL, NEWSLETTER).isPermitted()).isTrue();

        // the chain goes on in format 2, with entry ids after the old sequences
        LedgerEntry renewed = give(kit, ANNA);
        LedgerEntry dora = give(kit, SubjectId.of("client-dora"));
        List<AuditRecord> records = AuditTrail.of(kit).records(1, 10);
        assertThat(records).hasSize(6);
        assertThat(records.subList(4, 6)).allSatisfy(r -> {
            assertThat(r.format()).isEqualTo(2);
            assertThat(r.entryId()).isGreaterThan(4);
            assertThat(r.ledger()).isPresent();
        });
        assertThat(records.subList(4, 6)).extracting(r -> r.ledger().orElseThrow().sequence())
                .containsExactly(renewed.sequence(), dora.sequence());
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();

        LedgerVerification v = AuditTrail.of(kit).verifyLedger();
        assertThat(v.findings()).isEmpty();
        assertThat(v.legacyRows()).isEqualTo(legacy.size());
        assertThat(v.ledgerRows()).isEqualTo(legacy.size() + 2L);
        assertThat(AuditTrail.of(kit).verifyLedgerSinceLastPoint().isIntact()).isTrue();

        // an old row is checked by replay: its projection no longer matches; a new row by its digest
        sql(ds, "UPDATE ck_ledger SET occurred_at_us = occurred_at_us + 1 WHERE seq = " + legacy.get(3).sequence());
        sql(ds, "UPDATE ck_ledger SET channel = 'sms' WHERE seq = " + dora.sequence());
        List<LedgerFinding> found = AuditTrail.of(kit).verifyLedger().findings();
        assertThat(found).extracting(LedgerFinding::kind).contains(LedgerFinding.Kind.PROJECTION_DIFFERS,
                LedgerFinding.Kind.LEDGER_EDITED);
        assertThat(found).filteredOn(f -> f.kind() == LedgerFinding.Kind.PROJECTION_DIFFERS).singleElement()
                .satisfies(f -> assertThat(f.subject()).contains(kit.subjectRef(CARL)));
        assertThat(found).filteredOn(f -> f.kind() == LedgerFinding.Kind.LEDGER_EDITED)
                .singleElement().satisfies(f -> assertThat(f.ledgerSequence()).hasValue(dora.sequence()));
    }

    private static LedgerEntry give(ConsentKit kit, SubjectId s) {
        return kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress("203.0.113.9")
                .build()).give();
    }

    private static List<ConsentState> states(ConsentKit kit) {
        return List.copyOf(StorageSnapshot.of(KitContext.of(kit).storage()).projection().values());
    }

    /** Writes ledger, projection and format-1 audit rows as schema v3 held them. */
    private static void writeV3(DataSource ds, List<LedgerEntry> ledger, List<ConsentState> states, List<AuditEvent> audit)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ck_ledger (seq, event_id, subject_id, purpose_id,"
                    + " channel, asset_id, kind, occurred_at_us, recorded_at_us, notice_id, notice_version, notice_locale,"
                    + " notice_sha256, method, form_id, ip_hash, ua_hash, actor_kind, actor_id, guardian_id, attachment_ref,"
                    + " valid_until_us, idempotency_key, request_digest) VALUES (" + marks(24) + ")")) {
                for (LedgerEntry e : ledger) {
                    StoredLedgerRow r = StoredLedgerRow.of(e);
                    Object[] values = {r.sequence(), r.eventId(), r.subjectId(), r.purposeId(), r.channel(), r.assetId(),
                            r.kind(), r.occurredAtMicros(), r.recordedAtMicros(), r.noticeId(), r.noticeVersion(),
                            r.noticeLocale(), r.noticeSha256(), r.method(), r.formId(), r.ipHash(), r.uaHash(), r.actorKind(),
                            r.actorId(), r.guardianId(), r.attachmentRef(), r.validUntilMicros(), r.idempotencyKey(),
                            r.requestDigest()};
                    bind(ps, values);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ck_projection (subject_id, purpose_id, channel,"
                    + " asset_id, status, since_us, notice_id, notice_version, notice_locale, notice_sha256, valid_until_us,"
                    + " seq, restricted, objected) VALUES (" + marks(14) + ")")) {
                for (ConsentState s : states) {
                    StoredProjectionRow r = StoredProjectionRow.of(s);
                    bind(ps, new Object[] {r.subjectId(), r.purposeId(), r.channel(), r.assetId(), r.status(), r.sinceMicros(),
                            r.noticeId(), r.noticeVersion(), r.noticeLocale(), r.noticeSha256(), r.validUntilMicros(),
                            r.sequence(), r.restricted(), r.objected()});
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ck_audit (seq, time_us, actor_kind, actor_id, action,"
                    + " subject_ref, purpose_id, outcome, reference, previous_link, link) VALUES (" + marks(11) + ")")) {
                String previous = AuditChain.GENESIS;
                for (int i = 0; i < audit.size(); i++) {
                    AuditEvent e = audit.get(i);
                    long seq = i + 1;
                    String link = LegacyAudit.v1Link(Fixtures.auditKey(), seq, e, previous);
                    bind(ps, new Object[] {seq, java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.time()), e.actor().kind().name(), e.actor().id(),
                            e.action().code(), e.subjectRef().map(h -> h.value()), e.purpose().map(p -> p.value()),
                            e.outcome().name(), e.reference(), previous, link});
                    ps.executeUpdate();
                    previous = link;
                }
            }
        }
    }

    /** As the identity of a v3 database that wrote those rows: the next ledger sequence follows them. */
    private void continueIdentityAfter(DataSource ds, long last) throws SQLException {
        switch (dialect().name()) {
            case "postgresql" -> sql(ds, "SELECT setval(pg_get_serial_sequence('ck_ledger', 'seq'), " + last + ")");
            case "h2" -> sql(ds, "ALTER TABLE ck_ledger ALTER COLUMN seq RESTART WITH " + (last + 1));
            default -> {
                // MariaDB moves the auto-increment counter past an explicit value by itself
            }
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Optional<?> o) {
                v = o.orElse(null);
            } else if (v instanceof OptionalLong o) {
                v = o.isPresent() ? o.getAsLong() : null;
            }
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private void apply(DataSource ds, int version) throws SQLException {
        for (String statement : SchemaInstaller.statements(SchemaInstaller.of(ds, "ck_").script(dialect(), version))) {
            sql(ds, statement);
        }
    }

    private static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
