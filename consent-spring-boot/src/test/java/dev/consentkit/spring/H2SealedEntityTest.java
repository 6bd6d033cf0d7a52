package dev.consentkit.spring;

import dev.consentkit.spring.app.Apps;
import java.util.Map;
import java.util.UUID;

/** {@link SealedEntityScenarios} on embedded H2. */
class H2SealedEntityTest extends SealedEntityScenarios {
    @Override
    protected Map<String, Object> freshDatabase() {
        return Apps.h2("sealed-" + UUID.randomUUID());
    }
}
