package dev.consentkit.spring.actuate;

import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.spring.internal.SchemaVersions;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * ConsentKit's health ({@code /actuator/health/consentKit}): the installed schema version against the
 * one this library needs (one indexed read), and the last background verification of the audit chain
 * and the ledger ({@link AuditVerifications}) — never a verification per probe. UP while the schema
 * matches and the last verification found nothing (or none ran yet); DOWN on a schema mismatch or
 * when the last verification found tampering. Details name positions and counts, never a personal
 * value. Thread-safe.
 */
public final class ConsentKitHealthIndicator extends AbstractHealthIndicator {
    private final DataSource pool;
    private final String prefix;
    private final AuditVerifications verifications;

    /**
     * @param pool the pool the kit's tables are reached through
     * @param prefix the table prefix
     * @param verifications the background verifications
     */
    public ConsentKitHealthIndicator(DataSource pool, String prefix, AuditVerifications verifications) {
        super("ConsentKit health check failed");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.verifications = Objects.requireNonNull(verifications, "verifications");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int installed;
        try (Connection c = pool.getConnection()) {
            installed = SchemaVersions.installed(c, prefix);
        }
        boolean schemaOk = installed == JdbcStorage.SCHEMA_VERSION;
        builder.withDetail("schemaVersion", installed).withDetail("schemaVersionRequired", JdbcStorage.SCHEMA_VERSION);
        boolean intact = true;
        var last = verifications.last();
        if (last.isEmpty()) {
            builder.withDetail("verification", Map.of("state", "not run yet"));
        } else {
            AuditVerifications.Result r = last.get();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("at", r.at().toString());
            details.put("state", r.intact() ? "intact" : "tampered");
            if (r.audit() instanceof AuditVerification.Intact ok) {
                details.put("auditRecords", ok.records());
            } else if (r.audit() instanceof AuditVerification.Broken broken) {
                details.put("auditBroken", broken.kind() + " at sequence " + broken.sequence());
            }
            details.put("ledgerFindings", r.ledger().findings().size() + r.ledger().moreFindings());
            builder.withDetail("verification", details);
            intact = r.intact();
        }
        if (schemaOk && intact) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
