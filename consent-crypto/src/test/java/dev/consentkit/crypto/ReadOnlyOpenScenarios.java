package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "reads stay reads": a field opens inside a read-only host transaction (under schema v3
 * PostgreSQL refused it with SQLState 25006, as the open's audit took the writer turn in the host's
 * transaction). The consent check and the key read join the host's transaction; the audit of the open
 * (and of a refusal) is committed in a short transaction of the kit's own before the plaintext is
 * returned, so the host's rollback afterwards leaves it in place. Each database runs it through a
 * subclass.
 */
abstract class ReadOnlyOpenScenarios {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("profile"));
    private static final SubjectId ANNA = SubjectId.of("client-7001");

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /**
     * Starts a read-only transaction on a connection of the host.
     *
     * @param c the connection
     * @throws SQLException if the driver fails
     */
    protected void readOnlyTransaction(Connection c) throws SQLException {
        c.setReadOnly(true);
        c.setAutoCommit(false);
    }

    private static FieldCrypto crypto(ConsentKit kit) {
        byte[] master = new byte[32];
        Arrays.fill(master, (byte) 3);
        byte[] indexKey = new byte[32];
        Arrays.fill(indexKey, (byte) 9);
        return FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), master))
                .blindIndexKey(HmacKey.of(indexKey)).fields(EMAIL).build();
    }

    @Test
    void aFieldOpensInsideAReadOnlyHostTransactionAndItsAuditOutlivesTheRollback() throws SQLException {
        DataSource ds = emptyDatabase();
        SchemaInstaller.of(ds, "ck_").install();
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Instances.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"), AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(Fixtures.ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build());
        FieldRef ref = EMAIL.at("7001", ANNA);
        String sealed = crypto(kit).seal(Principal.of("manager-1", "manager"), Fixtures.ORDERS, ref, "anna@example.org");
        FieldCrypto reader = crypto(kit); // a fresh key cache: the key is read inside the host's transaction

        try (Connection host = ds.getConnection()) {
            readOnlyTransaction(host);
            try (JdbcStorage.Binding b = storage.bind(host)) {
                assertThat(reader.open(Principal.of("manager-1", "manager"), Fixtures.ORDERS, ref, sealed))
                        .isEqualTo("anna@example.org");
                assertThatThrownBy(() -> reader.open(Principal.of("intern-1", "intern"), Fixtures.ORDERS, ref, sealed))
                        .isInstanceOf(AccessDeniedException.class);
            }
            host.rollback();
        }

        List<AuditRecord> reads = AuditTrail.of(kit).records(1, 100).stream()
                .filter(r -> r.event().subjectRef().equals(java.util.Optional.of(kit.subjectRef(ANNA))))
                .filter(r -> Set.of(FieldCrypto.FIELD_OPENED, FieldCrypto.FIELD_OPEN_REFUSED).contains(r.event().action()))
                .toList();
        assertThat(reads).extracting(r -> r.event().action().code() + " " + r.event().outcome())
                .containsExactly("field.opened " + AuditOutcome.SUCCESS, "field.open_refused " + AuditOutcome.DENIED);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    /** For MariaDB: the flag alone does not make the next transaction read-only; this statement does. */
    static void mariaDbReadOnly(Connection c) throws SQLException {
        c.setReadOnly(true);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
        }
    }
}
