package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A design studio's own tables on the test's database, as a {@link SubjectDataContributor}: clients
 * (name, e-mail and phone sealed under the subject's "profile" key), orders, and invoices whose
 * billing name is sealed under the "billing" key. Erasure deletes what the context lets it and keeps
 * the invoices under the legal obligation.
 */
public final class StudioTables implements SubjectDataContributor {
    /** The protected columns. */
    static final ProtectedField[] FIELDS = {
            ProtectedField.of("client", "full_name", CategoryId.of("contact"), KeyGroup.of("profile")),
            ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("profile")),
            ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("profile")),
            ProtectedField.of("invoice", "billing_name", CategoryId.of("billing"), KeyGroup.of("billing"))};
    static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), FIELDS[1], Normalizer.EMAIL, 16, 1_000_000);
    /** The studio's application account, which writes the tables; see {@link #grants}. */
    static final Principal APP = Principal.of("studio-app", "studio-app");
    private final DataSource ds;
    private final FieldCrypto crypto;

    StudioTables(DataSource ds, FieldCrypto crypto) {
        this.ds = ds;
        this.crypto = crypto;
    }

    static void create(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE client (id VARCHAR(32) PRIMARY KEY, subject_id VARCHAR(128) NOT NULL,"
                    + " full_name VARCHAR(1000), email VARCHAR(1000), phone VARCHAR(1000))");
            s.execute("CREATE TABLE studio_order (id INT AUTO_INCREMENT PRIMARY KEY, subject_id VARCHAR(128) NOT NULL,"
                    + " description VARCHAR(1000))");
            s.execute("CREATE TABLE invoice (number VARCHAR(32) PRIMARY KEY, subject_id VARCHAR(128) NOT NULL,"
                    + " amount VARCHAR(16), billing_name VARCHAR(1000))");
        }
    }

    /** @return the builder with the studio's protected fields and its e-mail index declared */
    static FieldCrypto.Builder declare(FieldCrypto.Builder builder) {
        return builder.fields(FIELDS).blindIndex(EMAIL_INDEX);
    }

    /** @return the policy builder with the application's grants: write clients for orders and invoices for invoicing */
    static AccessPolicy.Builder grants(AccessPolicy.Builder policy) {
        return policy.grant("studio-app").purposes(Fixtures.ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE)
                .grant("studio-app").purposes(Fixtures.INVOICES).categories(CategoryId.of("billing")).actions(AccessAction.WRITE);
    }

    void addClient(SubjectId subject, String id, String name, String email, String phone) throws SQLException {
        update("INSERT INTO client (id, subject_id, full_name, email, phone) VALUES (?, ?, ?, ?, ?)", id, subject.value(),
                crypto.seal(APP, Fixtures.ORDERS, FIELDS[0].at(id, subject), name),
                crypto.seal(APP, Fixtures.ORDERS, FIELDS[1].at(id, subject), email),
                crypto.seal(APP, Fixtures.ORDERS, FIELDS[2].at(id, subject), phone));
        crypto.index(APP, Fixtures.ORDERS, EMAIL_INDEX, subject, email);
    }

    void addOrder(SubjectId subject, String description) throws SQLException {
        update("INSERT INTO studio_order (subject_id, description) VALUES (?, ?)", subject.value(), description);
    }

    void addInvoice(SubjectId subject, String number, String amount, String billingName) throws SQLException {
        update("INSERT INTO invoice (number, subject_id, amount, billing_name) VALUES (?, ?, ?, ?)", number,
                subject.value(), amount, crypto.seal(APP, Fixtures.INVOICES, FIELDS[3].at(number, subject), billingName));
    }

    SealedValue sealedName(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT full_name FROM client WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SealedValue("client", "full_name", id, rs.getString(1));
            }
        }
    }

    private int update(String sql, String... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public String name() {
        return "studio";
    }

    @Override
    public void contribute(SubjectId subject, ExportSink sink) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, full_name, email, phone FROM client WHERE subject_id = ?")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        Map<String, ExportValue> fields = new LinkedHashMap<>();
                        fields.put("full_name", ExportValue.sealed(new SealedValue("client", "full_name", id, rs.getString(2))));
                        fields.put("email", ExportValue.sealed(new SealedValue("client", "email", id, rs.getString(3))));
                        fields.put("phone", ExportValue.sealed(new SealedValue("client", "phone", id, rs.getString(4))));
                        sink.record("client", fields);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT description FROM studio_order WHERE subject_id = ? ORDER BY id")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.record("orders", Map.of("description", ExportValue.plain(rs.getString(1))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT number, amount, billing_name FROM invoice WHERE subject_id = ? ORDER BY number")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, ExportValue> fields = new LinkedHashMap<>();
                        fields.put("number", ExportValue.plain(rs.getString(1)));
                        fields.put("amount", ExportValue.plain(rs.getString(2)));
                        fields.put("billing_name", ExportValue.sealed(
                                new SealedValue("invoice", "billing_name", rs.getString(1), rs.getString(3))));
                        sink.record("invoices", fields);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("studio tables could not be read (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public ContributorErasure erase(SubjectId subject, ErasureContext context) {
        ContributorErasure.Builder done = ContributorErasure.builder(context);
        try {
            eraseOrKeep(done, context, "client", "client row", CategoryId.of("contact"), subject);
            eraseOrKeep(done, context, "studio_order", "order rows", CategoryId.of("order"), subject);
            eraseOrKeep(done, context, "invoice", "invoice rows", CategoryId.of("billing"), subject);
        } catch (SQLException e) {
            throw new IllegalStateException("studio tables could not be erased (SQLState " + e.getSQLState() + ")", e);
        }
        return done.build();
    }

    private void eraseOrKeep(ContributorErasure.Builder done, ErasureContext context, String table, String what,
                             CategoryId category, SubjectId subject) throws SQLException {
        if (context.mayErase(category)) {
            done.erased(what, update("DELETE FROM " + table + " WHERE subject_id = ?", subject.value()));
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE subject_id = ?")) {
            ps.setString(1, subject.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                if (n > 0) {
                    done.keptAs(what, n, category);
                }
            }
        }
    }
}
