package dev.consentkit.spring.jpa;

import dev.consentkit.core.SubjectId;

/**
 * An entity with {@link Sealed} fields: its row key and subject are bound into every value sealed in
 * it, so a value copied to another row or subject does not open. Both must be known before the first
 * save — assign the id in the application (a UUID), not by the database — and never change afterwards.
 *
 * <pre>{@code
 * @Id private UUID id = UUID.randomUUID();
 * public String rowKey() { return id.toString(); }
 * public SubjectId subject() { return SubjectId.of(id.toString()); }   // or the owning client's id
 * }</pre>
 */
public interface SealedEntity {
    /** @return the row's key, 1 to 128 characters, assigned before the first save */
    String rowKey();

    /** @return the subject the sealed values are about */
    SubjectId subject();
}
