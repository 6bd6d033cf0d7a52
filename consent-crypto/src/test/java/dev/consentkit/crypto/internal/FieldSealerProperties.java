package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.crypto.spec.Suite;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Opening what was sealed gives it back, for every suite, any bytes and any text (STYLE: Tests). */
class FieldSealerProperties {
    private static final DataKey KEY = DataKey.of(7, TestBytes.sequence(32, 3));
    private static final FieldContext HERE = new FieldContext("clients", "notes", "42", "sr_7f3a9c");

    private final FieldSealer sealer = new FieldSealer();

    @Property
    void openingASealedByteArrayGivesItBack(@ForAll Suite suite, @ForAll @Size(max = 2048) byte[] value) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, value);

        assertThat(sealer.open(KEY, HERE, FieldCiphertext.parse(sealed.encode()))).isEqualTo(value);
        assertThat(sealer.open(KEY, HERE, FieldCiphertext.parseText(sealed.encodeText()))).isEqualTo(value);
    }

    @Property
    void openingASealedStringGivesItBack(@ForAll Suite suite, @ForAll("text") String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);

        byte[] opened = sealer.open(KEY, HERE, FieldCiphertext.parseText(sealer.seal(KEY, suite, HERE, utf8).encodeText()));

        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Property
    void anyContextOpensOnlyItself(@ForAll Suite suite, @ForAll("context") FieldContext one,
                                   @ForAll("context") FieldContext other) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, one, new byte[] {42});

        assertThat(sealer.open(KEY, one, sealed)).containsExactly(42);
        if (!other.equals(one)) {
            FieldSealerTest.assertFails(() -> sealer.open(KEY, other, sealed));
        }
    }

    /** Any Unicode scalar values, supplementary planes included, and the empty string. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(200)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    @Provide
    Arbitrary<FieldContext> context() {
        Arbitrary<String> part = text().filter(s -> !s.isEmpty()).injectDuplicates(0.3);
        return Combinators.combine(part, part, part, part).as(FieldContext::new);
    }
}
