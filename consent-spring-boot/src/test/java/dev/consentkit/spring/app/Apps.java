package dev.consentkit.spring.app;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a test application on a database with the test keys; the caller closes it. */
public final class Apps {
    private Apps() {
    }

    /**
     * @param database the spring.datasource.* properties
     * @param more further properties, overriding
     * @param sources the configuration classes
     * @return the running context
     */
    public static ConfigurableApplicationContext start(Map<String, Object> database, Map<String, Object> more,
                                                       Class<?>... sources) {
        Map<String, Object> properties = new HashMap<>(TestKeys.properties());
        properties.put("spring.jpa.hibernate.ddl-auto", "update");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("consentkit.schema.flyway.enabled", "true");
        properties.put("consentkit.health.verify-interval", "0s");
        properties.put("spring.flyway.enabled", "false"); // the application has no migrations of its own here
        properties.putAll(database);
        properties.putAll(more);
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).properties(properties).run();
    }

    /** @return the properties of a fresh in-memory H2 database named {@code name} (kept while the JVM runs) */
    public static Map<String, Object> h2(String name) {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    /** @return the properties of a database on a real server */
    public static Map<String, Object> of(dev.consentkit.jdbc.testing.TestDatabase db) {
        return Map.of("spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password());
    }
}
