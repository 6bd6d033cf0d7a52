package dev.consentkit.spring;

import dev.consentkit.jdbc.testing.DatabaseServer;
import dev.consentkit.spring.app.Apps;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SpringTransactionScenarios} on a real PostgreSQL server (read-only transactions enforced). */
class SpringTransactionPostgresIT extends SpringTransactionScenarios {
    @RegisterExtension
    static final DatabaseServer POSTGRES = DatabaseServer.postgres();

    @Override
    protected Map<String, Object> freshDatabase() {
        return Apps.of(POSTGRES.freshDatabase());
    }
}
