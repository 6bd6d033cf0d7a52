package dev.consentkit.examples.studio;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.json.DestructionActJson;
import dev.consentkit.core.retention.BlockedItem;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.DisposalAction;
import dev.consentkit.core.retention.DisposalBatch;
import dev.consentkit.core.retention.DueItem;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPlan;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.core.retention.RetentionTarget;
import dev.consentkit.core.retention.Signatory;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.examples.HandClock;
import dev.consentkit.jdbc.JdbcStorage;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The demo's retention chapter: the studio deletes orders 24 months after they were closed and
 * anonymises newsletter contacts 30 days after a withdrawal; the clock moves two years forward, the
 * plan shows what is due and why, a run disposes of it in the studio's own tables and the destruction
 * act is printed.
 */
final class RetentionChapter {
    private final PrintStream out;
    private final DataSource database;
    private final HandClock clock;
    private final ConsentKit kit;

    private RetentionChapter(PrintStream out, JdbcStorage storage, DataSource database, HmacKey auditKey,
                             HmacKey pseudonymKey, Instant now) {
        this.out = out;
        this.database = database;
        this.clock = new HandClock(now);
        this.kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNoticeWithPartners()))
                .storage(storage).clock(clock).auditKey(auditKey).pseudonymKey(pseudonymKey).build();
    }

    /**
     * Runs the chapter on the demo's database and keys.
     *
     * @param out where to print
     * @param storage the demo's storage
     * @param database its database, which also holds the studio's own tables
     * @param auditKey the demo's audit key
     * @param pseudonymKey the demo's pseudonym key
     * @param now the demo's time
     */
    static void run(PrintStream out, JdbcStorage storage, DataSource database, HmacKey auditKey, HmacKey pseudonymKey,
                    Instant now) {
        new RetentionChapter(out, storage, database, auditKey, pseudonymKey, now).chapter();
    }

    private void chapter() {
        out.println();
        out.println("29. Retention: orders go 24 months after they close, newsletter contacts 30 days after withdrawal");
        sql("CREATE TABLE studio_order (id VARCHAR(32) PRIMARY KEY, client_id VARCHAR(64) NOT NULL, title VARCHAR(100))");
        sql("CREATE TABLE studio_newsletter_contact (client_id VARCHAR(64) PRIMARY KEY, email VARCHAR(100))");
        sql("INSERT INTO studio_order VALUES ('order-17', 'client-1001', 'Logo'), ('order-18', 'client-1002', 'Poster'),"
                + " ('order-19', 'client-1003', 'Web site')");
        sql("INSERT INTO studio_newsletter_contact VALUES ('client-1001', 'anna.petrova@example.org'),"
                + " ('client-1002', 'boris@example.org')");
        CategoryId order = CategoryId.of("order");
        EventName orderClosed = EventName.of("order.closed");
        RetentionEngine retention = RetentionEngine.builder(kit)
                .policy(RetentionPolicy.builder(StudioCatalog.ORDERS, order)
                        .afterEvent(Period.ofMonths(24), orderClosed).build())
                .policy(RetentionPolicy.builder(StudioCatalog.NEWSLETTER, CategoryId.of("contact"))
                        .keep(Period.ofDays(30), dev.consentkit.core.purpose.RetentionTrigger.SINCE_WITHDRAWAL)
                        .action(DisposalAction.ANONYMISE).reason("consent withdrawn (152-FZ Art. 21 part 5)").build())
                .target(order, new Table("DELETE FROM studio_order WHERE id IN (%s)", false))
                .target(CategoryId.of("contact"), new Table("UPDATE studio_newsletter_contact SET email = NULL WHERE client_id IN (%s)", true))
                .system("Studio Lumen CRM")
                .signatory(new Signatory("Olga Smirnova", "Office manager, responsible for personal data"))
                .build();
        retention.recordEvent(SubjectId.of("client-1001"), orderClosed, "order-17", clock.instant());
        retention.recordEvent(SubjectId.of("client-1002"), orderClosed, "order-18", clock.instant());
        clock.advance(Duration.ofDays(200));
        retention.recordEvent(SubjectId.of("client-1003"), orderClosed, "order-19", clock.instant());
        out.println("   orders 17 and 18 closed now, order 19 in 200 days; Anna withdrew from the newsletter (step 7)");

        clock.advance(Duration.ofDays(560));
        out.println("   the clock moves to " + clock.instant() + "; the plan (a dry run):");
        LegalHolds.of(kit).place(HoldScope.forSubject(SubjectId.of("client-1002")).andCategory(StudioCatalog.ORDER_DATA),
                "warranty claim on the poster, open until settled", Actor.operator("dpo"));
        RetentionPlan plan = retention.plan();
        for (DueItem i : plan.due()) {
            out.printf("   due  %-22s %-9s since %s, due %s%n", i.policy().id(),
                    i.recordRef().isEmpty() ? "(client)" : i.recordRef(), i.anchor().at(), i.dueAt());
        }
        for (BlockedItem b : plan.blocked()) {
            out.printf("   held %-22s %-9s: %s%n", b.item().policy().id(), b.item().recordRef(), b.reason());
        }
        RetentionRun run = retention.run(Actor.system("nightly-retention"));
        out.println("   run: " + run.disposed() + " items in " + run.batches() + " batches; second run disposes of "
                + retention.run(Actor.system("nightly-retention")).disposed());
        out.println("   studio_order keeps " + rows("SELECT id FROM studio_order") + "; newsletter e-mails left: "
                + rows("SELECT client_id FROM studio_newsletter_contact WHERE email IS NOT NULL"));
        DestructionAct act = retention.act(run.actId().orElseThrow()).orElseThrow();
        out.println("   destruction act (Order 179): operator " + act.operator() + ", " + act.operatorAddress().orElse("")
                + "; system " + act.system() + "; subjects " + act.subjectRefs().size() + " (by keyed reference); records "
                + act.recordCount() + "; categories " + act.categories() + "; methods " + act.methods() + "; by "
                + act.signatory().map(Signatory::position).orElse("-") + "; date " + act.destroyedAt().orElseThrow());
        out.println(DestructionActJson.write(act, retention.auditExport(act)).indent(3).stripTrailing());
    }

    private List<String> rows(String query) {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo SQL failed", e);
        }
        return ids;
    }

    private void sql(String statement) {
        try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("demo SQL failed", e);
        }
    }

    /** One of the studio's tables: one statement per batch, on the kit's connection, so both commit together. */
    private record Table(String statement, boolean bySubject) implements RetentionTarget {
        @Override
        public int dispose(DisposalBatch batch, StorageTransaction tx) {
            List<String> keys = bySubject ? batch.wholeSubjects().stream().map(SubjectId::value).toList() : batch.recordRefs();
            if (keys.isEmpty()) {
                return 0;
            }
            try (PreparedStatement ps = JdbcStorage.connection(tx).prepareStatement(
                    String.format(statement, String.join(", ", Collections.nCopies(keys.size(), "?"))))) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 1, keys.get(i));
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("disposal in the studio's table failed", e);
            }
        }
    }
}
