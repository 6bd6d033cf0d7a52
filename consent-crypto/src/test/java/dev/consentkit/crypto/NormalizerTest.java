package dev.consentkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each normaliser makes of a value, per version (issue 12, finding 10). Version 1 is kept exactly
 * as it was, because entries stored with it are searched with it until they are re-indexed.
 */
class NormalizerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +7 (912) 345-67-89         | +79123456789
            0033 1 23 45 67 89         | +33123456789
            +33 1 23 45 67 89          | +33123456789
            +33.1.23.45.67.89          | +33123456789
            +20 2 5550123              | +2025550123
            001 (202) 555-0123         | +12025550123
            ＋７ ９１２ ３４５－６７－８９ | +79123456789
            +123456                    | +123456
            +123456789012345           | +123456789012345
            """)
    void internationalPhonesBecomeE164(String raw, String e164) {
        assertThat(Normalizer.PHONE_E164.normalize(raw)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            202-555-0123         | a phone number needs a leading + or 00
            8 912 345-67-89      | a phone number needs a leading + or 00
            (912) 345 67 89      | a phone number needs a leading + or 00
            +0 123456            | E.164 allows
            +12345               | E.164 allows
            +1234567890123456    | E.164 allows
            +7 912 345 67 89 ext | E.164 allows
            ''                   | a phone number needs a leading + or 00
            """)
    void phonesInNationalFormOrMalformedAreRefusedWithoutEchoingThem(String raw, String message) {
        assertThatThrownBy(() -> Normalizer.PHONE_E164.normalize(raw))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("555").doesNotContain("912"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            US | 202-555-0123            | +12025550123
            US | (202) 555-0123          | +12025550123
            US | 1 202 555 0123          | +12025550123
            US | 011 33 1 23 45 67 89    | +33123456789
            US | +20 2 5550123           | +2025550123
            CA | 416-555-0199            | +14165550199
            RU | 8 (912) 345-67-89       | +79123456789
            RU | 912 345-67-89           | +79123456789
            RU | +7 912 345-67-89        | +79123456789
            RU | 810 33 1 23 45 67 89    | +33123456789
            FR | 01 23 45 67 89          | +33123456789
            FR | 0033 1 23 45 67 89      | +33123456789
            GB | 020 7946 0958           | +442079460958
            DE | 030 123456              | +4930123456
            AU | 02 9876 5432            | +61298765432
            AU | 0011 44 20 7946 0958    | +442079460958
            JP | 03-1234-5678            | +81312345678
            JP | 010 33 1 23 45 67 89    | +33123456789
            IT | 06 1234 5678            | +390612345678
            ES | 912 345 678             | +34912345678
            """)
    void phonesOfARegionGetItsCountryCodeUnlessInternational(String region, String raw, String e164) {
        assertThat(Normalizer.phone(region).normalize(raw)).isEqualTo(e164);
        assertThat(Normalizer.phone(region).region()).contains(region);
    }

    @Test
    void anUnknownRegionIsRefusedAndNamed() {
        assertThatThrownBy(() -> Normalizer.phone("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region 'XX'");
        assertThatThrownBy(() -> Normalizer.phone("us")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailVersion2AppliesNfcSoComposedAndDecomposedIndexEqually() {
        String composed = java.text.Normalizer.normalize("Renée@Example.org", Form.NFC);
        String decomposed = java.text.Normalizer.normalize("Renée@Example.org", Form.NFD);
        assertThat(composed).isNotEqualTo(decomposed);

        assertThat(Normalizer.EMAIL.normalize(decomposed)).isEqualTo(Normalizer.EMAIL.normalize(composed))
                .isEqualTo(java.text.Normalizer.normalize("renée@example.org", Form.NFC));
        assertThat(Normalizer.EMAIL.normalize("  Anna@Example.ORG\t")).isEqualTo("anna@example.org");
        assertThatThrownBy(() -> Normalizer.EMAIL.normalize(" \t ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an e-mail address is blank");
    }

    @Test
    void version1IsKeptExactlyAsItWasFlawsIncluded() {
        Normalizer email1 = Normalizer.EMAIL.atVersion(1);
        Normalizer phone1 = Normalizer.PHONE_E164.atVersion(1);
        String decomposed = java.text.Normalizer.normalize("renée@example.org", Form.NFD);

        assertThat(email1.normalize(decomposed)).isEqualTo(decomposed);
        assertThat(email1.normalize(" ")).isEmpty();
        assertThat(phone1.normalize("202-555-0123")).isEqualTo("+2025550123").isEqualTo(phone1.normalize("+20 2 5550123"));
        assertThat(phone1.normalize("0033 1 23 45 67 89")).isEqualTo("+0033123456789");
        assertThat(Normalizer.phone("US").atVersion(1).normalize("202-555-0123")).isEqualTo("+2025550123");
    }

    @Test
    void versionsAreNumberedOnOneTimelineAndOnlyKnownOnesExist() {
        assertThat(Normalizer.EMAIL.version()).isEqualTo(2);
        assertThat(Normalizer.PHONE_E164.version()).isEqualTo(2);
        assertThat(Normalizer.phone("RU").version()).isEqualTo(2);
        assertThat(Normalizer.NAME.version()).isEqualTo(1);
        assertThat(Normalizer.YEAR.version()).isEqualTo(1);
        assertThat(Normalizer.EMAIL.atVersion(1).latestVersion()).isEqualTo(2);
        assertThat(Normalizer.EMAIL.atVersion(1).atVersion(2)).isEqualTo(Normalizer.EMAIL);
        assertThat(Normalizer.phone("RU").atVersion(1).region()).contains("RU");
        assertThat(Normalizer.phone("RU")).isNotEqualTo(Normalizer.PHONE_E164).isNotEqualTo(Normalizer.phone("US"));
        assertThat(Normalizer.phone("RU")).hasToString("PHONE_E164 v2 (RU)");
        assertThatThrownBy(() -> Normalizer.EMAIL.atVersion(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EMAIL has versions 1 to 2, not 3");
        assertThatThrownBy(() -> Normalizer.NAME.atVersion(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalizer.YEAR.atVersion(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndYearsAreUnchanged() {
        String decomposed = java.text.Normalizer.normalize("  Renée   PETROVA ", Form.NFD);
        assertThat(Normalizer.NAME.normalize(decomposed)).isEqualTo(Normalizer.NAME.normalize("renée petrova"))
                .isEqualTo(java.text.Normalizer.normalize("renée petrova", Form.NFC));
        assertThat(Normalizer.YEAR.normalize("1987-04-12")).isEqualTo("1987");
        assertThatThrownBy(() -> Normalizer.YEAR.normalize("١٩٨٧")).isInstanceOf(IllegalArgumentException.class);
    }
}
