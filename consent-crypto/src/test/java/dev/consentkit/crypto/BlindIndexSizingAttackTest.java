package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 10 (Low), sizing: the public {@code BlindIndex} constructor skipped the sizing
 * rule, so a 256-bit index over a population the rule caps at 18 bits made every stored value unique
 * to one client: whoever reads the index table and can guess values (a leaked mailing list) learns
 * whose they are. Every way to make an index now applies the rule; the one that does not says so in
 * its name.
 */
class BlindIndexSizingAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final CompoundBlindIndex.Part NAME = new CompoundBlindIndex.Part(
            ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract")), Normalizer.NAME);
    private static final CompoundBlindIndex.Part YEAR = new CompoundBlindIndex.Part(
            ProtectedField.of("client", "birth_date", CategoryId.of("contact"), KeyGroup.of("contract")), Normalizer.YEAR);

    @Test
    void aLeakyIndexCannotBeMadeWithoutTheRuleAndTheRuleNamesTheSafeSize() {
        // the attack: a unique-per-client index for a million clients; the rule caps it at 18 bits
        assertThat(BlindIndex.maxSafeBits(1_000_000)).isEqualTo(18);
        assertThatThrownBy(() -> BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 256, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.email with 256 bits over 1000000 subjects would make almost every value"
                        + " unique; use at most 18 bits");
        assertThatThrownBy(() -> CompoundBlindIndex.sized(IndexName.of("client.name-year"), 64, 1_000_000, NAME, YEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use at most 18 bits");
        assertThatThrownBy(() -> BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 4, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a population below 4 cannot hide anyone");
        assertThat(BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 18, 1_000_000).bits()).isEqualTo(18);
    }

    @Test
    void noConstructorIsPublicAndTheOnlyWayPastTheRuleIsNamedUnsafe() {
        for (Class<?> type : new Class<?>[] {BlindIndex.class, CompoundBlindIndex.class}) {
            assertThat(type.getConstructors()).as(type.getSimpleName() + " constructors").isEmpty();
            assertThat(type.isRecord()).isFalse();
            Set<String> factories = new HashSet<>();
            Stream.of(type.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                            && m.getReturnType() == type)
                    .forEach(m -> factories.add(m.getName()));
            assertThat(factories).containsExactlyInAnyOrder("sized", "unsafeWithoutSizing");
        }
        assertThat(BlindIndex.unsafeWithoutSizing(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 256).bits()).isEqualTo(256);
    }

    @Test
    void aSizedIndexMakesClientsShareValuesSoTheTableAloneCannotTellWhoIsWho() {
        ConsentKit kit = Instances.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"),
                AccessPolicy.builder(Fixtures.catalog()).build());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        FieldCrypto crypto = FieldCrypto.builder(kit).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek"), new byte[32]))
                .blindIndexKey(HmacKey.of(key)).build();
        int population = 2_000;
        BlindIndex index = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, BlindIndex.maxSafeBits(population), population);

        Set<String> terms = new HashSet<>();
        for (int i = 0; i < population; i++) {
            terms.add(crypto.term(index, "client" + i + "@example.org"));
        }

        assertThat(index.bits()).isEqualTo(9);
        assertThat(terms).as("at most 2^9 values for 2000 clients: at least two clients per value on average")
                .hasSizeLessThanOrEqualTo(512);
    }
}
