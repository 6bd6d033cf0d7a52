package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compound blind indexes: several normalised values of a subject searched together, sized like single ones. */
class CompoundBlindIndexTest {
    private static final ProtectedField LAST_NAME = ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField BIRTH_DATE = ProtectedField.of("client", "birth_date", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final CompoundBlindIndex.Part LAST = new CompoundBlindIndex.Part(LAST_NAME, Normalizer.NAME);
    private static final CompoundBlindIndex.Part YEAR = new CompoundBlindIndex.Part(BIRTH_DATE, Normalizer.YEAR);
    private static final CompoundBlindIndex NAME_YEAR =
            CompoundBlindIndex.sized(IndexName.of("client.lastname-birthyear"), 12, 100_000, LAST, YEAR);
    private static final Principal RECEPTION = Principal.of("olga", "reception");

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    private static FieldCrypto crypto(ConsentStorage storage) {
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("reception").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE, AccessAction.SEARCH)
                .build();
        return FieldCrypto.builder(Instances.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"), policy))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(filled(9)))
                .fields(LAST_NAME, BIRTH_DATE)
                .blindIndex(NAME_YEAR)
                .build();
    }

    private static final FieldCrypto IN_MEMORY =
            crypto(dev.consentkit.core.memory.InMemoryStorage.create());

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aClientIsFoundByLastNameAndBirthYearTogetherAndNotByEitherAloneAndShredRemovesTheEntry(
            String name, Supplier<ConsentStorage> storage) {
        FieldCrypto crypto = crypto(storage.get());
        SubjectId anna = SubjectId.of("client-1001");
        SubjectId boris = SubjectId.of("client-1002");
        crypto.index(RECEPTION, ORDERS, NAME_YEAR, anna, "Petrova", "1987-04-12");
        crypto.index(RECEPTION, ORDERS, NAME_YEAR, boris, "Petrov", "1987");

        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "  PETROVA ", "1987")).contains(anna);
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "petrov", "1987-01-01")).contains(boris);
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "petrova", "1988")).doesNotContain(anna);

        crypto.index(RECEPTION, ORDERS, NAME_YEAR, anna, "Sidorova", "1987");
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "Sidorova", "1987")).contains(anna);
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "Petrova", "1987")).as("replaced").doesNotContain(anna);

        crypto.shred(anna, Set.of(), Actor.operator("dpo"));
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "Sidorova", "1987")).doesNotContain(anna);
        assertThat(crypto.find(RECEPTION, ORDERS, NAME_YEAR, "Petrov", "1987")).contains(boris);
    }

    @Test
    void thePartsAreLengthPrefixedSoTheirBoundaryCounts() {
        // unsized: 256 bits, so that two terms differ only where the inputs differ
        CompoundBlindIndex twoNames = CompoundBlindIndex.unsafeWithoutSizing(IndexName.of("client.names"), 256, LAST, LAST);

        assertThat(IN_MEMORY.term(twoNames, "ab", "c")).isNotEqualTo(IN_MEMORY.term(twoNames, "a", "bc"));
        assertThat(IN_MEMORY.term(twoNames, "ab", "c")).isEqualTo(IN_MEMORY.term(twoNames, "AB", " c"));
        assertThat(IN_MEMORY.term(twoNames, "ab", "c")).isNotEqualTo(IN_MEMORY.term(twoNames, "c", "ab"));
    }

    @Test
    void aCompoundIndexNeverSharesAKeyWithASingleValueIndexOfTheSameName() {
        CompoundBlindIndex compound = CompoundBlindIndex.unsafeWithoutSizing(IndexName.of("client.x"), 256, LAST, LAST);
        BlindIndex single = BlindIndex.unsafeWithoutSizing(IndexName.of("client.x"), LAST_NAME, Normalizer.NAME, 256);

        assertThat(IN_MEMORY.term(compound, "a", "b")).isNotEqualTo(IN_MEMORY.term(single, "a"))
                .isNotEqualTo(IN_MEMORY.term(single, "ab"));
    }

    @Property(tries = 200)
    void aTermKeepsExactlyTheIndexsBitsAndIsTheSameForEqualNormalisedValues(
            @ForAll @StringLength(max = 40) String last) {
        String term = IN_MEMORY.term(NAME_YEAR, last, "2001");
        byte[] mac = java.util.Base64.getUrlDecoder().decode(term);

        assertThat(mac).hasSize(2);
        assertThat(mac[1] & 0x0F).as("bits beyond the 12 kept are zero").isZero();
        assertThat(IN_MEMORY.term(NAME_YEAR, " " + last.toUpperCase(java.util.Locale.ROOT) + " ", "2001-12-31"))
                .isEqualTo(IN_MEMORY.term(NAME_YEAR, last.toUpperCase(java.util.Locale.ROOT), "2001"));
    }

    @Test
    void theSizingRuleAndTheShapeAreChecked() {
        assertThatThrownBy(() -> CompoundBlindIndex.sized(IndexName.of("client.lastname-birthyear"), 20, 100_000, LAST, YEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.lastname-birthyear with 20 bits over 100000 subjects would make almost "
                        + "every value unique; use at most 15 bits");
        assertThatThrownBy(() -> CompoundBlindIndex.sized(IndexName.of("client.one"), 8, 1000, LAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("compound blind index client.one needs 2 to 8 parts, got 1");
        assertThatThrownBy(() -> CompoundBlindIndex.sized(IndexName.of("Bad Name"), 8, 1000, LAST, YEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("blind index name must match");
        assertThatThrownBy(() -> IN_MEMORY.term(NAME_YEAR, "Petrova"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compound blind index client.lastname-birthyear takes 2 value(s), got 1");
        ProtectedField marketingEmail = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
        assertThatThrownBy(() -> CompoundBlindIndex.sized(IndexName.of("client.name-news"), 8, 1000, LAST,
                new CompoundBlindIndex.Part(marketingEmail, Normalizer.EMAIL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("compound blind index client.name-news spans key groups contract, marketing");
        assertThatThrownBy(() -> IN_MEMORY.term(NAME_YEAR, "Petrova", "12 April 1987"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a year or an ISO date");
    }
}
