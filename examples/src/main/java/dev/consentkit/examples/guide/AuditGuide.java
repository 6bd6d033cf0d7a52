package dev.consentkit.examples.guide;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.examples.studio.StudioCatalog;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The example of {@code docs/guide/audit.md}: the audit chain and the ledger verified, an edit found. */
public final class AuditGuide {
    private AuditGuide() {
    }

    /** What the example ends with. */
    public record Outcome(AuditVerification before, LedgerVerification ledgerBefore, AuditVerification afterEdit,
                          LedgerVerification ledgerAfterEdit) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the verifications before and after an edit through raw SQL
     * @throws SQLException if the raw SQL fails
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) throws SQLException {
        DataSource db = GuideKeys.h2("audit");
        SchemaInstaller.of(db, "ck_").install();
        ConsentKit kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .storage(JdbcStorage.builder(db).tablePrefix("ck_").build())
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        for (int i = 1; i <= 3; i++) {
            kit.consent(SubjectId.of("client-" + i), StudioCatalog.NEWSLETTER)
                    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        }
        long withdrawal = kit.consent(SubjectId.of("client-2"), StudioCatalog.NEWSLETTER)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw().sequence();
        // snippet:verify
        AuditTrail.of(kit).sequence();                                   // link committed entries now (or on a schedule)
        AuditCheckpoint checkpoint = AuditTrail.of(kit).checkpoint();   // keep it outside the database
        AuditVerification chain = AuditTrail.of(kit).verify(checkpoint); // Intact[...] or Broken[at, reason]
        LedgerVerification ledger = AuditTrail.of(kit).verifyLedger();   // every event and projection row replayed
        // end:verify
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE ck_ledger SET kind = 'GIVEN' WHERE seq = " + withdrawal);
            st.executeUpdate("UPDATE ck_audit SET actor_id = 'intruder' WHERE seq = 2");
        }
        return new Outcome(chain, ledger, AuditTrail.of(kit).verify(checkpoint), AuditTrail.of(kit).verifyLedger());
    }
}
