package dev.consentkit.core.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.jurisdiction.Jurisdiction;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy states the request deadlines of the jurisdiction profile, in plain words and with plural forms (M12). */
class PolicyDeadlinesTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "gdpr     | en | **Know what we hold about you.** We tell you which details we keep, why, where they came from and who receives them, and give you a copy. We answer within 1 month; if we need more time, 2 months more, and we tell you why.",
            "gdpr     | ru | Срок ответа: 1 месяц; если нужно больше времени, ещё 2 месяца, и мы скажем почему.",
            "gdpr     | en | We follow the EU General Data Protection Regulation (GDPR).",
            "ru_152fz | ru | **Исправить сведения.** Если что-то записано неверно или неполно, мы исправим. Срок ответа: 7 рабочих дней.",
            "ru_152fz | ru | Срок ответа: 3 рабочих дня.",
            "ru_152fz | en | We answer within 10 working days; if we need more time, 5 working days more, and we tell you why.",
            "ru_152fz | en | **Withdraw your consent.** We stop using the details and delete what we kept only because you agreed. We answer within 30 days."
    })
    void thePolicyStatesTheDeadlinesOfTheJurisdiction(String jurisdiction, String language, String expected) {
        Jurisdiction j = jurisdiction.equals("gdpr") ? Jurisdiction.GDPR : Jurisdiction.RU_152FZ;
        Transparency docs = Docs.docs(Docs.catalog(), j).build();

        assertThat(docs.policy(Locale.forLanguageTag(language), Format.MARKDOWN).text()).contains(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"ru, 1, 1 рабочий день", "ru, 2, 2 рабочих дня", "ru, 5, 5 рабочих дней", "ru, 11, 11 рабочих дней",
            "ru, 21, 21 рабочий день", "ru, 22, 22 рабочих дня", "ru, 112, 112 рабочих дней", "en, 1, 1 working day",
            "en, 10, 10 working days"})
    void pluralFormsFollowTheLanguage(String language, int n, String expected) {
        Locale l = Locale.forLanguageTag(language);
        assertThat(new Wording(l, Templates.defaults().wording(l)).count(n, "unit.WORKING_DAYS")).isEqualTo(expected);
    }
}
