package dev.consentkit.spring.jpa;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.Objects;

/**
 * Seals the {@link Sealed} fields of an entity whose values were set since it was loaded, before it is
 * inserted or updated: no second save, and Bean Validation (which runs after) still sees the plaintext
 * that was written. Register it on the entity with {@code @EntityListeners(SealingListener.class)};
 * Hibernate makes it through Spring's bean container, which Spring Boot configures.
 *
 * <p>Thread-safe.
 */
public final class SealingListener {
    private final SealedFields fields;

    /**
     * @param fields the sealed-field service (a bean of the auto-configuration)
     */
    public SealingListener(SealedFields fields) {
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /**
     * @param entity an entity about to be inserted or updated
     * @throws IllegalStateException if the entity is not a {@link SealedEntity}, or no principal acts
     * @throws dev.consentkit.crypto.AccessDeniedException if the policy refuses the principal WRITE
     */
    @PrePersist
    @PreUpdate
    public void seal(Object entity) {
        fields.sealPending(entity);
    }

    /**
     * Lets the loaded entity's sealed values know their cells, so that {@link SealedFields#open} needs
     * only the value. Opens nothing.
     *
     * @param entity an entity just loaded
     */
    @PostLoad
    public void loaded(Object entity) {
        fields.attach(entity);
    }
}
