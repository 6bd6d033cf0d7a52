package dev.consentkit.crypto;

import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.EMAIL_INDEX;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 6 on the field-encryption side (core's {@code IdentifierAttackTest} has the ids):
 * a lone surrogate used to encode as {@code "?"}, so {@code "a\uD800"} was sealed as {@code "a?"} (and
 * opened as another value) and indexed like {@code "a?"} (so searching one found the other). Values,
 * indexed values and row keys are now encoded strictly and a malformed one is refused, unechoed.
 */
class EncodingAttackTest {

    @Test
    void aValueWithALoneSurrogateIsRefusedInsteadOfSealedAsAnotherValue() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());

        assertThatThrownBy(() -> w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna\uD800@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value is not well-formed UTF-16 (it has a lone surrogate)");
        String emoji = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna\uD83D\uDE00@example.org");
        assertThat(w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), emoji)).isEqualTo("anna\uD83D\uDE00@example.org");
    }

    @Test
    void aLoneSurrogateCannotMakeOneIndexedValueFindAnother() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        w.crypto.index(MANAGER, ORDERS, EMAIL_INDEX, ANNA, "a?@example.org");

        assertThatThrownBy(() -> w.crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "a\uD800@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an indexed value is not well-formed UTF-16 (it has a lone surrogate)");
        assertThatThrownBy(() -> w.crypto.index(MANAGER, ORDERS, EMAIL_INDEX, ANNA, "a\uDC00@example.org"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowKeyWithALoneSurrogateIsRefused() {
        assertThatThrownBy(() -> EMAIL.at("row-\uD800", ANNA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row key is not well-formed UTF-16 (it has a lone surrogate)");
    }
}
