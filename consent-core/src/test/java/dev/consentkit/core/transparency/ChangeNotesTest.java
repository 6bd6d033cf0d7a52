package dev.consentkit.core.transparency;

import static dev.consentkit.core.transparency.Docs.EN;
import static dev.consentkit.core.transparency.Docs.NEWSLETTER;
import static dev.consentkit.core.transparency.Docs.ORDERS;
import static dev.consentkit.core.transparency.Docs.PORTFOLIO;
import static dev.consentkit.core.transparency.Docs.RU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.transparency.ChangeNotes.Kind;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Change notes between catalogue versions: what changed, major (re-consent) or minor (M7). */
class ChangeNotesTest {
    private static final ProcessingCatalog BEFORE = Docs.catalog();

    private static ProcessingCatalog newsletterAs(UnaryOperator<Purpose.Builder> change) {
        return Docs.catalogBuilder()
                .category(new DataCategory(CategoryId.of("birthday"), Docs.t("Дата рождения", "Birthday"), false))
                .purpose(Docs.orders().build())
                .purpose(change.apply(Docs.newsletter()).build())
                .purpose(Docs.portfolio().build())
                .build();
    }

    static Stream<Arguments> singleChanges() {
        return Stream.of(
                Arguments.of("new category", (UnaryOperator<Purpose.Builder>) b -> b.categories(CategoryId.of("birthday")), Kind.CATEGORY_ADDED, true),
                Arguments.of("new recipient", (UnaryOperator<Purpose.Builder>) b -> b.recipient(Recipient.of("SmsGate LLC",
                        Recipient.Role.PROCESSOR)), Kind.RECIPIENT_ADDED, true),
                Arguments.of("kept longer", (UnaryOperator<Purpose.Builder>) b -> b.retention(RetentionDeclaration.of(
                        Period.ofDays(90), RetentionTrigger.SINCE_WITHDRAWAL)), Kind.RETENTION_LONGER, true),
                Arguments.of("counted from another moment", (UnaryOperator<Purpose.Builder>) b -> b.retention(RetentionDeclaration.of(
                        Period.ofDays(30), RetentionTrigger.SINCE_LAST_INTERACTION)), Kind.RETENTION_LONGER, true),
                Arguments.of("kept shorter", (UnaryOperator<Purpose.Builder>) b -> b.retention(RetentionDeclaration.of(
                        Period.ofDays(10), RetentionTrigger.SINCE_WITHDRAWAL)), Kind.RETENTION_SHORTER, false),
                Arguments.of("reworded", (UnaryOperator<Purpose.Builder>) b -> b.description(Docs.t("Новости раз в месяц.",
                        "News once a month.")), Kind.WORDING_CHANGED, false));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {2}, major {3}")
    @MethodSource("singleChanges")
    void eachChangeIsFoundAndClassified(String what, UnaryOperator<Purpose.Builder> change, Kind kind, boolean major) {
        ChangeNotes notes = ChangeNotes.between(BEFORE, newsletterAs(change));

        assertThat(notes.changes()).extracting(ChangeNotes.Change::kind).containsExactly(kind);
        assertThat(notes.changes().get(0).purpose()).hasValue(NEWSLETTER);
        assertThat(notes.isMajor()).isEqualTo(major);
        assertThat(notes.reconsentNeeded()).isEqualTo(major ? java.util.Set.of(NEWSLETTER) : java.util.Set.of());
        // a major change without a new major notice version would let old consents carry over
        assertThat(notes.noticeNotRenewed()).isEqualTo(notes.reconsentNeeded());
    }

    @Test
    void noChangeIsNoChange() {
        ChangeNotes notes = ChangeNotes.between(BEFORE, Docs.catalog());

        assertThat(notes.changes()).isEmpty();
        assertThat(notes.isMajor()).isFalse();
        assertThat(Docs.full().changeNotes(notes, RU, Format.MARKDOWN).text()).contains("Для вас ничего не изменилось.");
    }

    @Test
    void aMajorChangeWithANewMajorNoticeIsRenewedAndRenderedInPlainWords() {
        ProcessingCatalog after = newsletterAs(b -> b.categories(CategoryId.of("birthday")).recipient(Recipient.of("SmsGate LLC",
                Recipient.Role.PROCESSOR)));
        after = after.withNotice(dev.consentkit.core.purpose.Notice.builder(Docs.NEWSLETTER_NOTICE)
                .version("1.0", Docs.t("Согласие 1.0", "Consent 1.0"))
                .version("2.0", Docs.t("Согласие 2.0", "Consent 2.0")).build());
        ChangeNotes notes = ChangeNotes.between(BEFORE, after);

        assertThat(notes.changes()).extracting(ChangeNotes.Change::kind)
                .containsExactly(Kind.CATEGORY_ADDED, Kind.RECIPIENT_ADDED, Kind.NOTICE_MAJOR);
        assertThat(notes.reconsentNeeded()).containsExactly(NEWSLETTER);
        assertThat(notes.noticeNotRenewed()).isEmpty();
        Docs.assertGolden("change-notes.ru.md", Docs.full().changeNotes(notes, RU, Format.MARKDOWN).text());
        Docs.assertGolden("change-notes.en.html", Docs.full().changeNotes(notes, EN, Format.HTML).text());
    }

    @Test
    void purposesAddedRemovedAndRebasedAndAControllerChange() {
        ProcessingCatalog after = ProcessingCatalog.builder()
                .controller(dev.consentkit.core.purpose.Controller.of("Studio Lumen Group", "Privacy desk"))
                .jurisdiction("RU")
                .policyUrl(java.net.URI.create("https://studio-lumen.example/privacy"))
                .category(new DataCategory(CategoryId.of("contact"), Docs.t("Контактные данные", "Contact details"), false))
                .category(new DataCategory(CategoryId.of("order"), Docs.t("Сведения о заказе", "Order details"), false))
                .notice(Docs.notice(Docs.NEWSLETTER_NOTICE))
                .purpose(Docs.orders().basis(LegalBasis.LEGITIMATE_INTERESTS).build())
                .purpose(Docs.newsletter().build())
                .purpose(Purpose.builder(PurposeId.of("reviews")).name(Docs.t("Отзывы", "Reviews"))
                        .description(Docs.t("Просим оценить работу.", "We ask you to rate our work."))
                        .basis(LegalBasis.LEGITIMATE_INTERESTS).categories(CategoryId.of("contact"))
                        .retention(RetentionDeclaration.of(Period.ofMonths(6), RetentionTrigger.SINCE_COLLECTION)).build())
                .build();
        ChangeNotes notes = ChangeNotes.between(BEFORE, after);

        assertThat(notes.changes()).extracting(ChangeNotes.Change::kind, ChangeNotes.Change::purpose).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.CONTROLLER_CHANGED, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple(Kind.BASIS_CHANGED, Optional.of(ORDERS)),
                org.assertj.core.groups.Tuple.tuple(Kind.PURPOSE_ADDED, Optional.of(PurposeId.of("reviews"))),
                org.assertj.core.groups.Tuple.tuple(Kind.PURPOSE_REMOVED, Optional.of(PORTFOLIO)));
        assertThat(notes.reconsentNeeded()).containsExactly(NEWSLETTER);
        String text = Docs.full().changeNotes(notes, EN, Format.MARKDOWN).text();
        assertThat(text).contains("Your details are now processed by Studio Lumen Group. (major change)",
                "For \"Order fulfilment\" the legal basis changed: it is now our legitimate interest. (major change)",
                "New purpose: \"Reviews\".", "We no longer use your details for \"Portfolio\".",
                "We will ask you to agree again for:\n- Newsletter");
    }

    @Test
    void aMinorNoticeVersionIsMinor() {
        ProcessingCatalog after = BEFORE.withNotice(dev.consentkit.core.purpose.Notice.builder(Docs.NEWSLETTER_NOTICE)
                .version("1.0", Docs.t("Согласие 1.0", "Consent 1.0"))
                .version("1.1", Docs.t("Согласие 1.1", "Consent 1.1")).build());
        ChangeNotes notes = ChangeNotes.between(BEFORE, after);

        assertThat(notes.changes()).extracting(ChangeNotes.Change::kind, ChangeNotes.Change::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.NOTICE_MINOR, Optional.of("1.1")));
        assertThat(notes.isMajor()).isFalse();
        assertThat(Docs.full().changeNotes(notes, RU, Format.MARKDOWN).text())
                .contains("Изменения несущественные: ваше согласие остаётся в силе.");
    }

    @Test
    void everyKindHasWordingInBothLanguages() {
        for (Kind k : Kind.values()) {
            for (java.util.Locale l : List.of(RU, EN)) {
                assertThat(Templates.defaults().wording(l)).containsKey("change." + k.name());
            }
        }
    }
}
