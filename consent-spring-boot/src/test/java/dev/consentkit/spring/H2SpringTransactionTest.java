package dev.consentkit.spring;

import dev.consentkit.spring.app.Apps;
import java.util.Map;
import java.util.UUID;

/** {@link SpringTransactionScenarios} on embedded H2. */
class H2SpringTransactionTest extends SpringTransactionScenarios {
    @Override
    protected Map<String, Object> freshDatabase() {
        return Apps.h2("tx-" + UUID.randomUUID());
    }
}
