package dev.consentkit.spring;

import dev.consentkit.jdbc.testing.DatabaseServer;
import dev.consentkit.spring.app.Apps;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FlywayScenarios} on a real PostgreSQL server. */
class FlywayPostgresIT extends FlywayScenarios {
    @RegisterExtension
    static final DatabaseServer POSTGRES = DatabaseServer.postgres();

    @Override
    protected Map<String, Object> freshDatabase() {
        return Apps.of(POSTGRES.freshDatabase());
    }
}
