package dev.consentkit.examples.guide;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.json.DestructionActJson;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPlan;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.examples.HandClock;
import dev.consentkit.examples.studio.StudioCatalog;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The example of {@code docs/guide/retention.md}: orders kept 24 months after they close, disposed of by
 * a resumable run on the host's own table, with the destruction act.
 */
public final class RetentionGuide {
    private RetentionGuide() {
    }

    /** What the example ends with. */
    public record Outcome(RetentionPlan plan, RetentionRun run, DestructionAct act, String actJson, long ordersLeft) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the plan, the run, the act and the orders left
     * @throws SQLException if the host's table cannot be set up
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) throws SQLException {
        DataSource db = GuideKeys.h2("retention");
        SchemaInstaller.of(db, "ck_").install();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE studio_order (id VARCHAR(32) PRIMARY KEY, client_id VARCHAR(64) NOT NULL)");
            st.execute("INSERT INTO studio_order VALUES ('order-17', 'client-1001'), ('order-18', 'client-1002')");
        }
        HandClock clock = new HandClock(Instant.parse("2024-01-10T10:00:00Z"));
        ConsentKit kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .storage(JdbcStorage.builder(db).tablePrefix("ck_").build()).clock(clock)
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        // snippet:retention
        CategoryId order = CategoryId.of("order");                 // typed ids, validated once
        EventName orderClosed = EventName.of("order.closed");
        RetentionEngine retention = RetentionEngine.builder(kit)
                .policy(RetentionPolicy.builder(StudioCatalog.ORDERS, order)
                        .afterEvent(Period.ofMonths(24), orderClosed).build())
                .target(order, (batch, tx) -> deleteOrders(JdbcStorage.connection(tx), batch.recordRefs()))
                .system("Studio CRM")
                .build();
        retention.recordEvent(SubjectId.of("client-1001"), orderClosed, "order-17", clock.instant()); // anchors the clock
        // end:retention
        clock.advance(Duration.ofDays(400));
        retention.recordEvent(SubjectId.of("client-1002"), orderClosed, "order-18", clock.instant());
        clock.advance(Duration.ofDays(400));
        // snippet:run
        RetentionPlan plan = retention.plan();                                // dry run: what is due and why
        RetentionRun run = retention.run(Actor.system("nightly-retention"));   // batches, resumable
        DestructionAct act = retention.act(run.actId().orElseThrow()).orElseThrow();
        String json = DestructionActJson.write(act, retention.auditExport(act));
        // end:run
        long left;
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM studio_order")) {
            rs.next();
            left = rs.getLong(1);
        }
        return new Outcome(plan, run, act, json, left);
    }

    private static int deleteOrders(Connection c, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM studio_order WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("disposal in the studio's order table failed", e);
        }
    }
}
