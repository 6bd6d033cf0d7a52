package dev.consentkit.core.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.EventName;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The retention declaration in words, as the processing register (Art. 30(1)(f)) and the Kantara
 * receipt's termination state it: one rendering for both, so the two documents never disagree (M7).
 */
class RetentionDeclarationWordsTest {
    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "P24M   | SINCE_BUSINESS_EVENT   | order.closed | 24 months after the business event order.closed",
            "P5Y    | SINCE_BUSINESS_EVENT   | invoice.issued | 5 years after the business event invoice.issued",
            "P1Y6M  | SINCE_WITHDRAWAL       |              | 1 year 6 months after withdrawal of consent",
            "P1M1D  | SINCE_COLLECTION       |              | 1 month 1 day after collection",
            "P30D   | SINCE_LAST_INTERACTION |              | 30 days after the last interaction",
            "P3Y    | SINCE_PURPOSE_ENDED    |              | 3 years after the purpose ended",
            "P1Y    | SINCE_PURPOSE_ENDED    |              | 1 year after the purpose ended"})
    void theDeclarationReadsAsOnePhrase(String period, RetentionTrigger trigger, String event, String words) {
        RetentionDeclaration declaration = event == null
                ? RetentionDeclaration.of(Period.parse(period), trigger)
                : new RetentionDeclaration(Period.parse(period), trigger, Optional.of(EventName.of(event)));

        assertThat(declaration.inWords()).isEqualTo(words);
    }
}
