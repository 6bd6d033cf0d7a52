package dev.consentkit.jdbc;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.compliance.Compliance;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.AuditVerification.BreakKind;
import dev.consentkit.core.audit.LedgerFinding;
import dev.consentkit.core.audit.LedgerFinding.Kind;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.compliance.ComplianceReport;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * M21 and issue 13: whatever a person with write access does to the tables behind the kit's back,
 * through raw SQL — edit any column of the ledger, the projection or the audit chain (to a valid value
 * or one the kit never writes), delete or insert ledger rows, move audit rows, cut the chain's tail —
 * verification reports it at its position (a ledger sequence, a subject's keyed reference, an audit
 * sequence), and never throws. Each database runs it through a subclass that supplies empty databases.
 */
abstract class TamperScenarios {
    private static final int SUBJECTS = 30;
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private DataSource ds;
    private ConsentKit kit;
    /** The give of each subject {@code client-NN}, and the withdrawal of the odd ones. */
    private final List<LedgerEntry> gives = new ArrayList<>();
    private final List<LedgerEntry> withdrawals = new ArrayList<>();

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    @BeforeEach
    final void aStudioWithThirtyClients() {
        ds = emptyDatabase();
        SchemaInstaller.of(ds, "ck_").install();
        kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        for (int i = 0; i < SUBJECTS; i++) {
            SubjectId s = subject(i);
            gives.add(kit.consent(s, NEWSLETTER).channel(Channel.EMAIL).idempotencyKey("form-post-" + i)
                    .evidence(kit.evidence(CollectionMethod.PAPER_FORM).formId("f-" + i).ipAddress("203.0.113." + i)
                            .userAgent("Mozilla/5.0").attachment("scan-" + i).recordedBy(Actor.operator("desk-1"))
                            .build()).give());
            clock.advance(Duration.ofSeconds(1));
            if (i % 2 == 1) {
                withdrawals.add(kit.consent(s, NEWSLETTER).channel(Channel.EMAIL)
                        .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw());
            }
            if (i % 5 == 0) {
                kit.restrict(s, ORDERS, Actor.operator("dpo"));
            }
        }
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kit).verifyLedger().findings()).isEmpty();
    }

    private static SubjectId subject(int i) {
        return SubjectId.of(String.format("client-%02d", i));
    }

    private KeyedHash ref(int i) {
        return kit.subjectRef(subject(i));
    }

    // ---- the ledger ---------------------------------------------------------------------------------

    /** Every column of a ledger row, edited on the give of another client each: found at each row's sequence. */
    @Test
    void anEditOfAnyLedgerColumnIsFoundAtItsSequence_M21() throws SQLException {
        String[][] edits = {
                {"event_id", "'00000000-0000-0000-0000-000000000001'"},
                {"subject_id", "'client-99'"},
                {"purpose_id", "'portfolio'"},
                {"channel", "'sms'"},
                {"asset_id", "'photo-1'"},
                {"kind", "'REFUSED'"},
                {"kind", "'NOT_A_KIND'"},
                {"occurred_at_us", "occurred_at_us + 1"},
                {"recorded_at_us", "recorded_at_us - 1"},
                {"notice_id", "'other-notice'"},
                {"notice_version", "'9.9'"},
                {"notice_version", "'not a version'"},
                {"notice_locale", "'de'"},
                {"notice_sha256", "'" + "f".repeat(64) + "'"},
                {"method", "'IN_PERSON'"},
                {"method", "'TELEPATHY'"},
                {"form_id", "NULL"},
                {"ip_hash", "'" + "A".repeat(43) + "'"},
                {"ua_hash", "NULL"},
                {"actor_kind", "'NOBODY'"},
                {"actor_id", "'intruder'"},
                {"guardian_id", "'guardian-1'"},
                {"attachment_ref", "'scan-forged'"},
                {"valid_until_us", "NULL"},
                {"idempotency_key", "'forged-key'"},
                {"request_digest", "'x'"},
        };
        assertThat(edits.length).isLessThanOrEqualTo(SUBJECTS);
        for (int i = 0; i < edits.length; i++) {
            sql("UPDATE ck_ledger SET " + edits[i][0] + " = " + edits[i][1] + " WHERE seq = " + gives.get(i).sequence());
        }

        LedgerVerification v = AuditTrail.of(kit).verifyLedger();

        for (int i = 0; i < edits.length; i++) {
            assertThat(v.findings()).as("edit of %s on row %d", edits[i][0], gives.get(i).sequence())
                    .contains(new LedgerFinding(Kind.LEDGER_EDITED, OptionalLong.of(gives.get(i).sequence()),
                            OptionalLong.of(auditSequenceOf(gives.get(i))), Optional.of(ref(i)), Optional.of(NEWSLETTER)));
        }
        assertThat(v.findings()).filteredOn(f -> f.kind() == Kind.LEDGER_EDITED).hasSize(edits.length);
        assertThat(AuditTrail.of(kit).verify().isIntact()).as("the audit chain itself is untouched").isTrue();
    }

    @Test
    void aDeletedOrInsertedLedgerRowOrAMovedSequenceIsFoundAtItsSequence_M21() throws SQLException {
        long deleted = withdrawals.get(0).sequence();
        long moved = gives.get(2).sequence();
        sql("DELETE FROM ck_ledger WHERE seq = " + deleted);
        sql("UPDATE ck_ledger SET seq = seq + 100000 WHERE seq = " + moved);
        sql("INSERT INTO ck_ledger (seq, " + columnsAfterSeq() + ") SELECT 200000, '00000000-0000-0000-0000-00000000beef', "
                + columnsAfterSeq().substring("event_id, ".length()).replace("idempotency_key", "NULL")
                + " FROM ck_ledger WHERE seq = " + gives.get(4).sequence());

        List<LedgerFinding> found = AuditTrail.of(kit).verifyLedger().findings();

        assertThat(found).extracting(LedgerFinding::kind, f -> f.ledgerSequence().orElse(-1))
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_DELETED, deleted),
                        org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_DELETED, moved),
                        org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_INSERTED, moved + 100000),
                        org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_INSERTED, 200000L));
        // the deleted withdrawal also leaves its subject's projection without a ledger event behind it
        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_DIFFERS, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(ref(1)), Optional.of(NEWSLETTER)));
    }

    @Test
    void theWithdrawalTurnedBackIntoAGiftIsFoundEvenWhereTheProjectionWasEditedToMatch_M21() throws SQLException {
        // the attack of issue 13: the ledger row and the projection row both say GIVEN again
        sql("UPDATE ck_ledger SET kind = 'GIVEN' WHERE seq = " + withdrawals.get(0).sequence());
        sql("UPDATE ck_projection SET status = 'GIVEN' WHERE subject_id = 'client-01'");
        assertThat(kit.check(ConsentScope.of(subject(1), NEWSLETTER).withChannel(Channel.EMAIL)).isPermitted())
                .as("check() reads one row and is fooled").isTrue();

        List<LedgerFinding> found = AuditTrail.of(kit).verifyLedger().findings();

        assertThat(found).extracting(LedgerFinding::kind).contains(Kind.LEDGER_EDITED);
        assertThat(found).filteredOn(f -> f.kind() == Kind.LEDGER_EDITED).singleElement()
                .satisfies(f -> assertThat(f.ledgerSequence()).hasValue(withdrawals.get(0).sequence()));
    }

    // ---- the projection -----------------------------------------------------------------------------

    /** Every column of a projection row, edited on another client each: found with each client's reference. */
    @Test
    void anEditOfAnyProjectionColumnIsFoundForItsSubject_M21() throws SQLException {
        String[][] edits = {
                {"status", "'GIVEN'"},             // client-01 withdrew: the projection now permits
                {"status", "'NOT_A_STATUS'"},
                {"since_us", "since_us + 1"},
                {"notice_id", "'other-notice'"},
                {"notice_version", "'9.9'"},
                {"notice_locale", "'de'"},
                {"notice_sha256", "'" + "e".repeat(64) + "'"},
                {"valid_until_us", "NULL"},
                {"seq", "seq + 1"},
                {"restricted", "TRUE"},
                {"objected", "TRUE"},
                {"channel", "'sms'"},
                {"asset_id", "'photo-1'"},
                {"purpose_id", "'portfolio'"},
        };
        for (int i = 0; i < edits.length; i++) {
            sql("UPDATE ck_projection SET " + edits[i][0] + " = " + edits[i][1] + " WHERE subject_id = '"
                    + subject(i + 1).value() + "' AND purpose_id = 'newsletter'");
        }
        // the whole-purpose row of a restricted client: its flag cleared
        sql("UPDATE ck_projection SET restricted = FALSE WHERE subject_id = 'client-20' AND purpose_id = 'order-fulfilment'");
        // a client's row moved to an id with no ledger at all
        sql("UPDATE ck_projection SET subject_id = 'client-77' WHERE subject_id = 'client-21'");

        List<LedgerFinding> found = AuditTrail.of(kit).verifyLedger().findings();

        for (int i = 0; i < edits.length; i++) {
            int client = i + 1;
            assertThat(found).as("edit of %s of client %d", edits[i][0], client)
                    .anySatisfy(f -> {
                        assertThat(f.subject()).contains(ref(client));
                        assertThat(f.kind()).isIn(Kind.PROJECTION_DIFFERS, Kind.PROJECTION_MISSING, Kind.PROJECTION_EXTRA);
                    });
        }
        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_DIFFERS, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(ref(20)), Optional.of(ORDERS)));
        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_MISSING, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(ref(21)), Optional.of(NEWSLETTER)));
        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_EXTRA, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(kit.subjectRef(SubjectId.of("client-77"))), Optional.of(NEWSLETTER)));
        assertThat(found).as("findings name keyed references, never an id")
                .allSatisfy(f -> assertThat(f.toString()).doesNotContain("client-"));
    }

    @Test
    void aDeletedOrAnAddedProjectionRowIsFound_M21() throws SQLException {
        sql("DELETE FROM ck_projection WHERE subject_id = 'client-03'");
        sql("INSERT INTO ck_projection (subject_id, purpose_id, channel, asset_id, status, since_us, seq, restricted,"
                + " objected) VALUES ('client-04', 'newsletter', 'sms', '', 'GIVEN', 1, 1, FALSE, FALSE)");

        List<LedgerFinding> found = AuditTrail.of(kit).verifyLedger().findings();

        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_MISSING, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(ref(3)), Optional.of(NEWSLETTER)));
        assertThat(found).contains(new LedgerFinding(Kind.PROJECTION_EXTRA, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(ref(4)), Optional.of(NEWSLETTER)));
    }

    // ---- the audit chain ----------------------------------------------------------------------------

    /**
     * Every column of an audit record, set to another valid value and to one the kit never writes (an
     * unknown actor kind, action or outcome, bad hex, NULL where allowed): EDITED at that sequence, one
     * edit at a time, the row restored in between; reading the records never throws.
     */
    @Test
    void anEditOfAnyAuditColumnIsEditedAtItsSequenceAndNothingThrows_M21() throws SQLException {
        long seq = auditSequenceOf(gives.get(3));
        String[][] edits = {
                {"time_us", "time_us + 1"},
                {"actor_kind", "'SYSTEM'"}, {"actor_kind", "'INTRUDER'"},
                {"actor_id", "'intruder'"}, {"actor_id", "NULL"}, {"actor_id", "'bad id with blanks'"},
                {"action", "'consent.withdrawn'"}, {"action", "'NOT AN ACTION'"},
                {"subject_ref", "'" + ref(4).value() + "'"}, {"subject_ref", "'not-a-keyed-hash'"}, {"subject_ref", "NULL"},
                {"purpose_id", "'portfolio'"}, {"purpose_id", "'Not A Purpose'"}, {"purpose_id", "NULL"},
                {"outcome", "'DENIED'"}, {"outcome", "'MAYBE'"},
                {"reference", "'00000000-0000-0000-0000-000000000002'"}, {"reference", "NULL"},
                {"ledger_seq", "ledger_seq + 1"}, {"ledger_seq", "NULL"},
                {"ledger_digest", "'" + "f".repeat(64) + "'"}, {"ledger_digest", "'zz'"}, {"ledger_digest", "NULL"},
                {"entry_mac", "'" + "f".repeat(64) + "'"}, {"entry_mac", "'not hex'"}, {"entry_mac", "NULL"},
                {"entry_id", "entry_id + 100000"}, {"entry_id", "-1"},
                {"link_format", "1"}, {"link_format", "9"},
                {"previous_link", "'" + "f".repeat(64) + "'"}, {"previous_link", "'not hex'"},
                {"link", "'" + "f".repeat(64) + "'"}, {"link", "''"},
        };
        Map<String, Object> original = row("ck_audit", "seq", seq);
        for (String[] edit : edits) {
            sql("UPDATE ck_audit SET " + edit[0] + " = " + edit[1] + " WHERE seq = " + seq);

            assertThat(AuditTrail.of(kit).verify()).as("%s = %s", edit[0], edit[1]).isEqualTo(
                    new AuditVerification.Broken(seq, BreakKind.EDITED));
            List<AuditRecord> records = AuditTrail.of(kit).records(seq, 1);
            assertThat(records).singleElement().extracting(AuditRecord::sequence).isEqualTo(seq);

            restore("ck_audit", "seq", seq, original);
            assertThat(AuditTrail.of(kit).verify().isIntact()).as("restored after %s", edit[0]).isTrue();
        }
    }

    @Test
    void anUnreadableRecordIsShownNotThrown() throws SQLException {
        long seq = auditSequenceOf(gives.get(5));
        sql("UPDATE ck_audit SET actor_kind = 'INTRUDER', outcome = 'MAYBE' WHERE seq = " + seq);

        assertThat(AuditTrail.of(kit).records(1, 10_000)).filteredOn(AuditRecord::isUnreadable).singleElement()
                .satisfies(r -> assertThat(r.sequence()).isEqualTo(seq));
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(seq, BreakKind.EDITED));
        assertThat(AuditTrail.of(kit).verifyLedger().findings()).extracting(LedgerFinding::kind).contains(Kind.BINDING_FORGED);
    }

    @Test
    void movedDeletedAndRenumberedAuditRowsAreFoundWhereTheyStand_M21() throws SQLException {
        // swap two rows
        sql("UPDATE ck_audit SET seq = -1 WHERE seq = 4");
        sql("UPDATE ck_audit SET seq = 4 WHERE seq = 7");
        sql("UPDATE ck_audit SET seq = 7 WHERE seq = -1");
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(4, BreakKind.REORDERED));
        sql("UPDATE ck_audit SET seq = -1 WHERE seq = 4");
        sql("UPDATE ck_audit SET seq = 4 WHERE seq = 7");
        sql("UPDATE ck_audit SET seq = 7 WHERE seq = -1");
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();

        // delete one, then close the gap by renumbering the rows after it
        long head = AuditTrail.of(kit).checkpoint().sequence();
        sql("DELETE FROM ck_audit WHERE seq = 10");
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(10, BreakKind.MISSING));
        for (long s = 11; s <= head; s++) {
            sql("UPDATE ck_audit SET seq = " + (s - 1) + " WHERE seq = " + s);
        }
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(10, BreakKind.REORDERED));
    }

    @Test
    void aCutTailIsFoundOnlyAgainstACheckpointKeptOutsideTheDatabase_M21() throws SQLException {
        AuditCheckpoint kept = AuditTrail.of(kit).checkpoint();
        sql("DELETE FROM ck_audit WHERE seq > " + (kept.sequence() - 5));
        sql("DELETE FROM ck_audit_checkpoint");

        assertThat(AuditTrail.of(kit).verify().isIntact()).as("a consistent cut, without a checkpoint").isTrue();
        assertThat(AuditTrail.of(kit).verify(kept))
                .isEqualTo(new AuditVerification.Broken(kept.sequence() - 4, BreakKind.TRUNCATED));
    }

    @Test
    void anEntryForgedIntoThePendingTableIsEditedAtTheSequenceItGets_M21() throws SQLException {
        long head = AuditTrail.of(kit).checkpoint().sequence();
        sql("INSERT INTO ck_audit_entry (time_us, actor_kind, actor_id, action, subject_ref, purpose_id, outcome,"
                + " reference, ledger_seq, ledger_digest, entry_mac) VALUES (1, 'OPERATOR', 'intruder', 'field.opened', NULL,"
                + " NULL, 'SUCCESS', NULL, " + gives.get(6).sequence() + ", '" + "a".repeat(64) + "', '" + "b".repeat(64) + "')");

        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(head + 1, BreakKind.EDITED));
        assertThat(AuditTrail.of(kit).verifyLedger().findings()).contains(new LedgerFinding(Kind.BINDING_FORGED,
                OptionalLong.of(gives.get(6).sequence()), OptionalLong.of(head + 1), Optional.empty(), Optional.empty()));
    }

    /** The walk in pages of one, resumed from each returned cursor, finds exactly what the whole walk finds. */
    @Test
    void aWalkResumedPageByPageFindsWhatTheWholeWalkFinds() throws SQLException {
        sql("UPDATE ck_ledger SET kind = 'REFUSED' WHERE seq = " + gives.get(7).sequence());
        sql("UPDATE ck_projection SET objected = TRUE WHERE subject_id = 'client-08'");
        sql("UPDATE ck_projection SET subject_id = 'client-88' WHERE subject_id = 'client-09'");
        LedgerVerification whole = AuditTrail.of(kit).verifyLedger();

        List<LedgerFinding> resumed = new ArrayList<>();
        long rows = 0;
        int calls = 0;
        for (Optional<dev.consentkit.core.audit.LedgerCursor> next = Optional.of(dev.consentkit.core.audit.LedgerCursor.START);
             next.isPresent(); calls++) {
            LedgerVerification part = AuditTrail.of(kit).verifyLedger(next.get(), 1);
            resumed.addAll(part.findings());
            rows += part.ledgerRows();
            next = part.next();
        }

        assertThat(calls).as("one page per call: ledger, its tail, projection, orphans").isGreaterThanOrEqualTo(4);
        assertThat(resumed).containsExactlyInAnyOrderElementsOf(whole.findings());
        assertThat(rows).isEqualTo(whole.ledgerRows());
        assertThat(whole.findings()).extracting(LedgerFinding::kind).contains(Kind.LEDGER_EDITED, Kind.PROJECTION_DIFFERS,
                Kind.PROJECTION_MISSING, Kind.PROJECTION_EXTRA);
    }

    // ---- the incremental check ----------------------------------------------------------------------

    @Test
    void theStandardCheckFindsAnEditAfterItsLastPointAndAPointMovedForward() throws SQLException {
        assertThat(AuditTrail.of(kit).verifyLedgerSinceLastPoint().isIntact()).isTrue();
        SubjectId late = SubjectId.of("client-late");
        LedgerEntry give = kit.consent(late, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        sql("UPDATE ck_ledger SET kind = 'REFUSED' WHERE seq = " + give.sequence());

        assertThat(AuditTrail.of(kit).verifyLedgerSinceLastPoint().findings()).extracting(LedgerFinding::kind,
                f -> f.ledgerSequence().orElse(-1)).contains(org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_EDITED,
                give.sequence()));
        ComplianceReport report = Compliance.builder(kit).build().report();
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.check()).isEqualTo("audit.ledger"));

        sql("UPDATE ck_ledger SET kind = 'GIVEN' WHERE seq = " + give.sequence());
        assertThat(AuditTrail.of(kit).verifyLedgerSinceLastPoint().isIntact()).isTrue();
        sql("UPDATE ck_audit_verified SET ledger_high = ledger_high + 1000");
        assertThat(AuditTrail.of(kit).verifyLedgerSinceLastPoint().findings()).extracting(LedgerFinding::kind)
                .contains(Kind.VERIFIED_POINT_EDITED);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The audit sequence of the entry that binds a ledger row. */
    private long auditSequenceOf(LedgerEntry e) {
        return AuditTrail.of(kit).records(1, 10_000).stream()
                .filter(r -> r.ledger().map(l -> l.sequence() == e.sequence()).orElse(false))
                .findFirst().orElseThrow().sequence();
    }

    private static String columnsAfterSeq() {
        return "event_id, subject_id, purpose_id, channel, asset_id, kind, occurred_at_us, recorded_at_us, notice_id,"
                + " notice_version, notice_locale, notice_sha256, method, form_id, ip_hash, ua_hash, actor_kind, actor_id,"
                + " guardian_id, attachment_ref, valid_until_us, idempotency_key, request_digest";
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Every column of one row, to put it back after an edit. */
    private Map<String, Object> row(String table, String key, long value) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " = ?")) {
            ps.setLong(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private void restore(String table, String key, long value, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        String set = String.join(" = ?, ", columns) + " = ?";
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + key + " = ?")) {
            int i = 1;
            for (String column : columns) {
                ps.setObject(i++, row.get(column));
            }
            ps.setLong(i, value);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
