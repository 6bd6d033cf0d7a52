package dev.consentkit.examples.booking;

import dev.consentkit.core.EventName;
import dev.consentkit.AuditTrail;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A booking system on its own database (PostgreSQL, or any database ConsentKit supports) with a
 * HikariCP pool: each booking row and the client's consent to SMS reminders are saved in one
 * transaction of the host; the evening reminder run asks which clients may get an SMS, in one
 * set-based query.
 *
 * <p>Run: {@code CK_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/booking CK_JDBC_USER=... CK_JDBC_PASSWORD=...}
 * then the booking command of docs/guide/database.md. The URL may also be the first argument.
 */
public final class BookingSystem {
    static final PurposeId BOOKINGS = PurposeId.of("bookings");
    static final PurposeId REMINDERS = PurposeId.of("reminders");

    private BookingSystem() {
    }

    /**
     * @param args optional JDBC URL (else the environment variable {@code CK_JDBC_URL})
     * @throws SQLException if the host's own SQL fails
     */
    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : System.getenv("CK_JDBC_URL");
        if (url == null || url.isBlank()) {
            System.err.println("Give the JDBC URL as the first argument or in CK_JDBC_URL (see docs/guide/database.md).");
            System.exit(2);
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getenv("CK_JDBC_USER"));
        config.setPassword(System.getenv("CK_JDBC_PASSWORD"));
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            run(pool, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        }
    }

    /**
     * @param pool the host's pool
     * @param out where to print
     * @throws SQLException if the host's own SQL fails
     */
    public static void run(javax.sql.DataSource pool, PrintStream out) throws SQLException {
        Objects.requireNonNull(pool, "pool");
        List<Integer> applied = SchemaInstaller.of(pool, "ck_").install();
        out.println("schema versions applied now: " + applied);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS booking (id VARCHAR(64) PRIMARY KEY, client_id VARCHAR(64) NOT NULL,"
                    + " slot VARCHAR(32) NOT NULL)");
        }
        JdbcStorage storage = JdbcStorage.builder(pool).build();
        out.println("storage: " + storage);
        ConsentKit kit = ConsentKit.builder().catalog(catalog()).storage(storage)
                .auditKey(key("CK_AUDIT_KEY", (byte) 0x41, out)).pseudonymKey(key("CK_PSEUDONYM_KEY", (byte) 0x50, out))
                .build();

        String run = Long.toString(System.currentTimeMillis(), 36);
        List<SubjectId> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SubjectId client = SubjectId.of("guest-" + run + "-" + i);
            clients.add(client);
            boolean wantsReminders = i % 2 == 0;
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (JdbcStorage.Binding b = storage.bind(c);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO booking VALUES (?, ?, ?)")) {
                    insert.setString(1, "b-" + run + "-" + i);
                    insert.setString(2, client.value());
                    insert.setString(3, "2026-12-0" + (i + 1) + "T10:00");
                    insert.executeUpdate();
                    var capture = kit.consent(client, REMINDERS).channel(Channel.SMS).locale(Locale.ENGLISH)
                            .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("booking-form").build());
                    if (wantsReminders) {
                        capture.give();
                    } else {
                        capture.refuse();
                    }
                }
                c.commit();
            }
            AuditTrail.of(kit).sequence(); // the host committed: link the entries its transaction wrote now
            out.println("booked " + client + (wantsReminders ? " with" : " without") + " SMS reminders");
        }

        Map<SubjectId, Decision> audience = kit.checkAll(clients, REMINDERS, Channel.SMS);
        audience.forEach((client, d) -> out.println("reminder to " + client + ": "
                + (d.isPermitted() ? "send" : "skip (" + ((Decision.Denied) d).reason() + ")")));
        out.println("booking itself, under contract: " + kit.check(clients.get(1), BOOKINGS).isPermitted());
        out.println("audit chain: " + (AuditTrail.of(kit).verify().isIntact() ? "intact" : AuditTrail.of(kit).verify()));
    }

    static ProcessingCatalog catalog() {
        Locale en = Locale.ENGLISH;
        return ProcessingCatalog.builder()
                .controller(Controller.of("Harbour Spa Ltd", "privacy@harbour-spa.example"))
                .jurisdiction("DE")
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(en, "Phone number and e-mail"), false))
                .category(new DataCategory(CategoryId.of("booking"), LocalizedText.of(en, "Booked slots"), false))
                .notice(Notice.builder(NoticeId.of("reminder-notice"))
                        .version("1.0", LocalizedText.of(en, "Send me an SMS reminder the day before my appointment."))
                        .build())
                .purpose(Purpose.builder(BOOKINGS).name(LocalizedText.of(en, "Bookings"))
                        .description(LocalizedText.of(en, "Keeping your appointments.")).basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact"), CategoryId.of("booking"))
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("booking.ended"))).build())
                .purpose(Purpose.builder(REMINDERS).name(LocalizedText.of(en, "Reminders"))
                        .description(LocalizedText.of(en, "An SMS the day before your appointment."))
                        .basis(LegalBasis.CONSENT).categories(CategoryId.of("contact")).notice(NoticeId.of("reminder-notice")).build())
                .build();
    }

    /**
     * The keys must stay the same across runs, or the audit chain written earlier no longer verifies.
     * A real system reads them from its secret store; the example falls back to fixed demo keys.
     */
    private static HmacKey key(String variable, byte demoFill, PrintStream out) {
        String base64 = System.getenv(variable);
        if (base64 != null && !base64.isBlank()) {
            return HmacKey.fromBase64(base64);
        }
        out.println(variable + " not set: using a fixed demo key (never do this in production)");
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, demoFill);
        return HmacKey.of(key);
    }
}
