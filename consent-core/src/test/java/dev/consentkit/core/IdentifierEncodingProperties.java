package dev.consentkit.core;

import dev.consentkit.ConsentKit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.internal.Utf8;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 12, finding 6, as invariants: distinct well-formed ids never share a canonical encoding or a
 * subject reference, and an id with a lone surrogate is never accepted. The generators draw from the
 * whole UTF-16 range (surrogates included), with a bias to the characters the attack needs.
 */
class IdentifierEncodingProperties {
    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<Character> anyChar = Arbitraries.chars().all();
        Arbitrary<Character> tricky = Arbitraries.of('?', 'a', '-', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D',
                '\uDE00', '\u00E9', '\uFFFD');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, anyChar), net.jqwik.api.Tuple.of(3, tricky))
                .list().ofMinSize(1).ofMaxSize(12)
                .map(chars -> {
                    StringBuilder b = new StringBuilder("id");
                    chars.forEach(b::append);
                    return b.toString();
                });
    }

    @Property(tries = 2000)
    void anAcceptedSubjectIdIsAlwaysWellFormedAndAMalformedOneNeverAccepted(@ForAll("ids") String value) {
        if (Utf8.isWellFormed(value)) {
            try {
                SubjectId.of(value);
            } catch (IllegalArgumentException otherRule) {
                // blank, control characters, surrounding blanks: refused for another reason
                assertThat(otherRule.getMessage()).doesNotContain("UTF-16");
            }
        } else {
            // refused; the message names the first rule broken (a control character may come first)
            assertThatThrownBy(() -> SubjectId.of(value)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Well-formed ids from the whole code-point range, with lookalikes ({@code ?}, U+FFFD) and emoji favoured. */
    @Provide
    Arbitrary<String> wellFormedIds() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0x20, Character.MAX_CODE_POINT)
                .filter(cp -> !Character.isSurrogate((char) cp.intValue()) || cp > 0xFFFF)
                .filter(cp -> !Character.isISOControl(cp));
        Arbitrary<Integer> lookalikes = Arbitraries.of((int) '?', (int) 'a', 0xFFFD, 0x1F600, 0x10FFFF, 0xE9);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, anyCodePoint), net.jqwik.api.Tuple.of(2, lookalikes))
                .list().ofMinSize(1).ofMaxSize(6)
                .map(cps -> {
                    StringBuilder b = new StringBuilder("id-");
                    cps.forEach(b::appendCodePoint);
                    return b.toString();
                });
    }

    @Property(tries = 2000)
    void distinctWellFormedIdsNeverShareACanonicalEncodingOrASubjectReference(@ForAll("wellFormedIds") String a,
                                                                              @ForAll("wellFormedIds") String b) {
        SubjectId one = validOrSkip(a);
        SubjectId other = validOrSkip(b);
        Assume.that(!one.equals(other));

        assertThat(new Canonical("subject").add(one.value()).bytes())
                .isNotEqualTo(new Canonical("subject").add(other.value()).bytes());
        assertThat(kit.subjectRef(one)).isNotEqualTo(kit.subjectRef(other));
    }

    @Property(tries = 2000)
    void theStrictEncodingOfAWellFormedIdDecodesBackToIt(@ForAll("ids") String value) {
        Assume.that(Utf8.isWellFormed(value));

        assertThat(new String(Utf8.encode(value, "id"), StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Property(tries = 1000)
    void replacingAQuestionMarkByALoneSurrogateNeverGivesAnAcceptedId(@ForAll("ids") String value) {
        SubjectId original = validOrSkip(value + "?");
        String forged = original.value().substring(0, original.value().length() - 1) + '\uD800';

        assertThatThrownBy(() -> SubjectId.of(forged)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SubjectId validOrSkip(String value) {
        try {
            return SubjectId.of(value);
        } catch (IllegalArgumentException e) {
            Assume.that(false);
            throw e;
        }
    }
}
