package dev.consentkit.spring.schema;

import java.util.List;
import java.util.Objects;

/**
 * How ConsentKit's tables were prepared at start-up, before the storage was built: the bean the
 * storage waits for. Immutable.
 *
 * @param manager who manages the schema
 * @param applied the schema versions applied at this start, possibly none
 */
public record ConsentKitSchema(Manager manager, List<Integer> applied) {
    /** Who manages ConsentKit's schema. */
    public enum Manager {
        /** The application does ({@code spring.flyway.*}, {@code spring.liquibase.*}, its own scripts): the storage only checks the version. */
        APPLICATION,
        /** ConsentKit's own installer ({@code consentkit.schema.install=true}). */
        INSTALLER,
        /** ConsentKit's own Flyway run with its own history table ({@code consentkit.schema.flyway.enabled=true}). */
        FLYWAY
    }

    /**
     * @throws NullPointerException if a component is null
     */
    public ConsentKitSchema {
        Objects.requireNonNull(manager, "manager");
        applied = List.copyOf(applied);
    }
}
