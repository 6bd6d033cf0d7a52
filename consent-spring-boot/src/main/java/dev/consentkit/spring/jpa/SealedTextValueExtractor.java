package dev.consentkit.spring.jpa;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation check the plaintext of a {@link SealedText} the application writes:
 * {@code @Size(max = 20) SealedText phone} checks the 20 characters, not the ciphertext. A value read
 * from the database has no plaintext here and is not checked again (it was checked when written).
 * Registered through {@code META-INF/services}. Thread-safe.
 */
@UnwrapByDefault
public final class SealedTextValueExtractor implements ValueExtractor<@ExtractedValue(type = String.class) SealedText> {
    /** Made by the validation provider. */
    public SealedTextValueExtractor() {
    }

    @Override
    public void extractValues(SealedText originalValue, ValueReceiver receiver) {
        originalValue.written().ifPresent(plaintext -> receiver.value(null, plaintext));
    }
}
