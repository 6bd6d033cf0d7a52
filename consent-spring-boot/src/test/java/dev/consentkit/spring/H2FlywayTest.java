package dev.consentkit.spring;

import dev.consentkit.spring.app.Apps;
import java.util.Map;
import java.util.UUID;

/** {@link FlywayScenarios} on embedded H2. */
class H2FlywayTest extends FlywayScenarios {
    @Override
    protected Map<String, Object> freshDatabase() {
        return Apps.h2("flyway-" + UUID.randomUUID());
    }
}
