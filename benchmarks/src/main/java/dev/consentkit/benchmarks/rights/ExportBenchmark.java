package dev.consentkit.benchmarks.rights;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.rights.SubjectRights;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The access export of a subject with 1 000 consent events (issue 5 item 8), on embedded H2, against
 * its limit: one raw JDBC query of the same subject's ledger rows written column by column with
 * Jackson's streaming generator.
 *
 * <p>{@link #export} is what a host runs to answer an access request: {@code
 * SubjectDataService.export(RequestId, Actor)} (the request started, history replayed from the ledger,
 * the subject's requests, the audit event of the export in its own transaction, the request completed)
 * and {@code ConsentJson.writeExport} (the bundle as JSON). Since issue 12 an export is made only for
 * an identity-verified request: each invocation gets a fresh one (received and verified in an
 * invocation-level setup, not measured) and its rows are deleted afterwards (not measured either), so
 * the bundle always lists one request. {@link #rawLedgerJson} reads the same 1 000 rows with one prepared statement and writes every
 * column as a JSON field: no domain objects, no validation, no audit link. The ratio is what the
 * library's export costs over the least a host could do to dump those rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExportBenchmark {
    static final int EVENTS = 1_000;
    private static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    private static final NoticeId NOTICE = NoticeId.of("newsletter-notice");
    private static final Locale LOCALE = Locale.ENGLISH;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final JsonFactory json = new JsonFactory();
    private final ConsentJson consentJson = ConsentJson.create();
    private JdbcDataSource dataSource;
    private SubjectDataService service;
    private ConsentKit kit;
    private SubjectId subject;
    private Actor actor;

    /**
     * Fills a fresh in-memory H2 database with one subject's 1 000 events (give and withdraw in turn)
     * and checks that both sides see all of them.
     *
     * @throws SQLException if the database fails
     * @throws IOException if the JSON writer fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException, IOException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ckexport;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SchemaInstaller.of(dataSource, "ck_").install();
        kit = ConsentKit.builder()
                .catalog(catalog())
                .storage(JdbcStorage.builder(dataSource).tablePrefix("ck_").build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .auditKey(key((byte) 1))
                .pseudonymKey(key((byte) 2))
                .build();
        subject = SubjectId.of("client-000042");
        actor = Actor.operator("dpo");
        Evidence evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build();
        for (int i = 0; i < EVENTS / 2; i++) {
            kit.consent(subject, NEWSLETTER).locale(LOCALE).evidence(evidence).give();
            kit.consent(subject, NEWSLETTER).evidence(evidence).withdraw();
        }
        service = SubjectDataService.builder(kit).build();
        Answering answering = new Answering();
        answering.receive(this);
        int exported = service.export(answering.request, actor).history().entries().size();
        answering.forget(this);
        String raw = rawLedgerJson();
        int rawRows = raw.split("\"event_id\"", -1).length - 1;
        if (exported != EVENTS || rawRows != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events on both sides, got export "
                    + exported + " and raw " + rawRows);
        }
    }

    /**
     * The access request one {@link #export} answers: received and identity-verified before the
     * invocation, its rows deleted after it (neither measured), so every bundle lists one request.
     */
    @State(Scope.Thread)
    public static class Answering {
        RequestId request;

        /** Creates the state; JMH calls {@link #receive}. */
        public Answering() {
        }

        /**
         * @param bench the benchmark's kit and subject
         */
        @Setup(Level.Invocation)
        public void receive(ExportBenchmark bench) {
            request = SubjectRights.builder(bench.kit).build().receive(bench.subject, RequestType.ACCESS, bench.actor).id();
            SubjectRights.builder(bench.kit).build().verifyIdentity(request, bench.actor);
        }

        /**
         * @param bench the benchmark's database
         * @throws SQLException if the database fails
         */
        @TearDown(Level.Invocation)
        public void forget(ExportBenchmark bench) throws SQLException {
            try (Connection c = bench.dataSource.getConnection();
                 PreparedStatement steps = c.prepareStatement("DELETE FROM ck_request_step WHERE request_id = ?");
                 PreparedStatement row = c.prepareStatement("DELETE FROM ck_request WHERE request_id = ?")) {
                steps.setString(1, request.toString());
                steps.executeUpdate();
                row.setString(1, request.toString());
                row.executeUpdate();
            }
        }
    }

    /**
     * @param answering the request being answered
     * @return the subject's export bundle as JSON
     */
    @Benchmark
    public String export(Answering answering) {
        return consentJson.writeExport(service.export(answering.request, actor));
    }

    /**
     * @return the subject's ledger rows as JSON, read with one raw query
     * @throws SQLException if the database fails
     * @throws IOException if the JSON writer fails
     */
    @Benchmark
    public String rawLedgerJson() throws SQLException, IOException {
        StringWriter out = new StringWriter(EVENTS * 512);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM ck_ledger WHERE subject_id = ? ORDER BY seq");
             JsonGenerator g = json.createGenerator(out)) {
            ps.setString(1, subject.value());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int columns = md.getColumnCount();
                String[] names = new String[columns];
                for (int i = 0; i < columns; i++) {
                    names[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                }
                g.writeStartObject();
                g.writeStringField("subject", subject.value());
                g.writeArrayFieldStart("events");
                while (rs.next()) {
                    g.writeStartObject();
                    for (int i = 0; i < columns; i++) {
                        Object v = rs.getObject(i + 1);
                        if (v == null) {
                            g.writeNullField(names[i]);
                        } else if (v instanceof Number n) {
                            g.writeNumberField(names[i], n.longValue());
                        } else {
                            g.writeStringField(names[i], v.toString());
                        }
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        return out.toString();
    }

    private static ProcessingCatalog catalog() {
        Notice notice = Notice.builder(NOTICE)
                .version("1.0", LocalizedText.of(LOCALE, "I agree to receive news and offers by e-mail."))
                .build();
        return ProcessingCatalog.builder()
                .controller(Controller.of("Benchmark Studio LLC", "privacy@bench.example"))
                .jurisdiction("RU")
                .defaultLocale(LOCALE)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(LOCALE, "Contact details"), false))
                .notice(notice)
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(LOCALE, "Newsletter"))
                        .description(LocalizedText.of(LOCALE, "News and offers by e-mail."))
                        .basis(LegalBasis.CONSENT)
                        .categories(CategoryId.of("contact"))
                        .notice(NOTICE)
                        .retention(RetentionDeclaration.of(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL))
                        .build())
                .build();
    }

    private static HmacKey key(byte fill) {
        byte[] bytes = new byte[HmacKey.MIN_BYTES];
        Arrays.fill(bytes, fill);
        return HmacKey.of(bytes);
    }
}
