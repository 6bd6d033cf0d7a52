package dev.consentkit.spring.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps a {@link SealedText} to its text column: the ciphertext as stored. Name it on the field with
 * {@code @Convert(converter = SealedTextConverter.class)}.
 *
 * <p>It never writes a plaintext. A value not yet sealed (the entity lacks {@link SealingListener})
 * has no column form; Hibernate may still ask for one while comparing states, so it gets a marker that
 * equals nothing, and {@link SealedFields} refuses at start-up an entity with sealed fields but
 * without the listener. Thread-safe.
 */
@Converter
public final class SealedTextConverter implements AttributeConverter<SealedText, String> {
    /** Prefix of the marker a value not yet sealed converts to; never a ConsentKit ciphertext. */
    static final String NOT_SEALED = "consentkit:not-sealed:";
    private static final AtomicLong MARKERS = new AtomicLong();

    /** Made by the JPA provider. */
    public SealedTextConverter() {
    }

    @Override
    public String convertToDatabaseColumn(SealedText value) {
        if (value == null) {
            return null;
        }
        return value.isSealed() ? value.ciphertext() : NOT_SEALED + MARKERS.incrementAndGet();
    }

    @Override
    public SealedText convertToEntityAttribute(String column) {
        return column == null ? null : SealedText.stored(column);
    }
}
