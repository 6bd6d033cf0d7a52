package dev.consentkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import java.time.Period;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processing catalogue is the one declaration everything derives from, so a mistake in it is
 * caught when it is built - before any consent is recorded against it - with a JDK exception that
 * names the purpose, notice or category at fault.
 */
class CatalogValidationTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale EN = Locale.ENGLISH;
    /** The message lists all three required parts, whichever of them is missing. */
    private static final String MISSING_PART = "needs a name, a description and a legal basis";

    private static LocalizedText en(String text) {
        return LocalizedText.of(EN, text);
    }

    private static Notice notice(String id, Locale locale) {
        return Notice.builder(NoticeId.of(id)).version("1.0", LocalizedText.of(locale, "I agree to " + id + ".")).build();
    }

    /** A newsletter purpose by consent, complete; cases take something away or add a mistake. */
    private static Purpose.Builder newsletter() {
        return Purpose.builder(PurposeId.of("newsletter")).name(en("Newsletter")).description(en("News by e-mail."))
                .basis(LegalBasis.CONSENT).categories(CategoryId.of("contact")).notice(NoticeId.of("news-notice"));
    }

    private static Purpose.Builder orders() {
        return Purpose.builder(PurposeId.of("orders")).name(en("Orders")).description(en("Delivering orders."))
                .basis(LegalBasis.CONTRACT).categories(CategoryId.of("contact"));
    }

    /** A valid catalogue builder with a sensitive category declared but not yet used. */
    private static ProcessingCatalog.Builder catalog() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "Data protection officer"))
                .jurisdiction("RU")
                .defaultLocale(RU)
                .category(new DataCategory(CategoryId.of("contact"), en("Contact details"), false))
                .category(new DataCategory(CategoryId.of("health"), en("Allergies noted for a shoot"), true))
                .notice(notice("news-notice", RU));
    }

    private static ProcessingCatalog catalogWith(UnaryOperator<ProcessingCatalog.Builder> change) {
        return change.apply(catalog()).build();
    }

    @Test
    void theBaseCatalogueIsValid() {
        ProcessingCatalog valid = catalogWith(c -> c.purpose(newsletter().build()).purpose(orders().build()));

        assertThat(valid.purposes()).extracting(p -> p.id().value()).containsExactly("newsletter", "orders");
    }

    @Test
    void aSensitiveCategoryUnderExplicitConsentIsValid() {
        ProcessingCatalog valid = catalogWith(c -> c.purpose(newsletter().categories(CategoryId.of("health"))
                .consentType(ConsentType.EXPLICIT).build()));

        assertThat(valid.purpose(PurposeId.of("newsletter"))).get()
                .satisfies(p -> assertThat(p.categories()).contains(CategoryId.of("health")));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("a purpose uses an undeclared data category",
                        () -> catalogWith(c -> c.purpose(newsletter().categories(CategoryId.of("biometrics")).build())),
                        IllegalStateException.class, "purpose newsletter", "'biometrics'"),
                mistake("a purpose declares no data category",
                        () -> catalogWith(c -> c.purpose(Purpose.builder(PurposeId.of("newsletter")).name(en("N"))
                                .description(en("D")).basis(LegalBasis.CONSENT).notice(NoticeId.of("news-notice")).build())),
                        IllegalStateException.class, "purpose newsletter", "no data category"),
                mistake("a consent purpose has no notice",
                        () -> catalogWith(c -> c.purpose(Purpose.builder(PurposeId.of("newsletter")).name(en("N"))
                                .description(en("D")).basis(LegalBasis.CONSENT).categories(CategoryId.of("contact")).build())),
                        IllegalStateException.class, "consent purpose newsletter", "no notice"),
                mistake("a purpose names an undeclared notice",
                        () -> catalogWith(c -> c.purpose(newsletter().notice(NoticeId.of("promo-notice")).build())),
                        IllegalStateException.class, "purpose newsletter", "'promo-notice'"),
                mistake("two purposes share an id",
                        () -> catalogWith(c -> c.purpose(newsletter().build()).purpose(newsletter().build())),
                        IllegalArgumentException.class, "duplicate purpose id", "'newsletter'"),
                mistake("two categories share an id",
                        () -> catalogWith(c -> c.category(new DataCategory(CategoryId.of("contact"), en("Again"), false))),
                        IllegalArgumentException.class, "duplicate data category id", "'contact'"),
                mistake("two notices share an id",
                        () -> catalogWith(c -> c.notice(notice("news-notice", RU))),
                        IllegalArgumentException.class, "duplicate notice id", "'news-notice'"),
                mistake("a sensitive category under expressed consent",
                        () -> catalogWith(c -> c.purpose(newsletter().categories(CategoryId.of("health")).build())),
                        IllegalStateException.class, "purpose newsletter", "sensitive", "EXPLICIT"),
                mistake("a sensitive category under implied consent",
                        () -> catalogWith(c -> c.purpose(newsletter().categories(CategoryId.of("health"))
                                .consentType(ConsentType.IMPLIED).build())),
                        IllegalStateException.class, "purpose newsletter", "sensitive", "EXPLICIT"),
                mistake("a contract purpose names a notice",
                        () -> orders().notice(NoticeId.of("news-notice")).build(),
                        IllegalStateException.class, "purpose orders", "CONTRACT", "notice"),
                mistake("a legitimate-interest purpose asks for re-confirmation",
                        () -> orders().basis(LegalBasis.LEGITIMATE_INTERESTS).reconfirmEvery(Period.ofMonths(12)).build(),
                        IllegalStateException.class, "purpose orders", "LEGITIMATE_INTERESTS", "re-confirmation"),
                mistake("a purpose without a name",
                        () -> Purpose.builder(PurposeId.of("orders")).description(en("D")).basis(LegalBasis.CONTRACT).build(),
                        IllegalStateException.class, "purpose orders", MISSING_PART),
                mistake("a purpose without a description",
                        () -> Purpose.builder(PurposeId.of("orders")).name(en("N")).basis(LegalBasis.CONTRACT).build(),
                        IllegalStateException.class, "purpose orders", MISSING_PART),
                mistake("a purpose without a legal basis",
                        () -> Purpose.builder(PurposeId.of("orders")).name(en("N")).description(en("D")).build(),
                        IllegalStateException.class, "purpose orders", MISSING_PART),
                mistake("a re-confirmation period of zero",
                        () -> newsletter().reconfirmEvery(Period.ZERO),
                        IllegalArgumentException.class, "purpose newsletter", "positive"),
                mistake("a catalogue without a controller",
                        () -> ProcessingCatalog.builder().jurisdiction("RU").category(
                                new DataCategory(CategoryId.of("contact"), en("C"), false)).purpose(orders().build()).build(),
                        IllegalStateException.class, "controller"),
                mistake("a catalogue without a jurisdiction",
                        () -> ProcessingCatalog.builder().controller(Controller.of("Studio", "DPO")).category(
                                new DataCategory(CategoryId.of("contact"), en("C"), false)).purpose(orders().build()).build(),
                        IllegalStateException.class, "jurisdiction"),
                mistake("a jurisdiction that is not an ISO 3166 code",
                        () -> ProcessingCatalog.builder().jurisdiction("Russia"),
                        IllegalArgumentException.class, "jurisdiction", "ISO 3166"),
                mistake("a catalogue without a purpose",
                        () -> catalog().build(),
                        IllegalStateException.class, "no purpose"),
                mistake("the current notice version has no text in the default locale",
                        () -> catalogWith(c -> c.defaultLocale(EN).purpose(newsletter().build())),
                        IllegalStateException.class, "notice news-notice", "1.0", "default locale en"),
                mistake("a notice without a version",
                        () -> Notice.builder(NoticeId.of("news-notice")).build(),
                        IllegalStateException.class, "notice news-notice", "no version"),
                mistake("a notice version given twice",
                        () -> Notice.builder(NoticeId.of("news-notice")).version("1.0", en("A")).version("1.0", en("B")),
                        IllegalArgumentException.class, "notice news-notice", "1.0", "twice"),
                mistake("a data category id that is not a code",
                        () -> new DataCategory(CategoryId.of("Health Data"), en("Health"), true),
                        IllegalArgumentException.class, "data category id"),
                mistake("a controller without a name",
                        () -> Controller.of(" ", "DPO"),
                        IllegalArgumentException.class, "controller name"));
    }

    private static Arguments mistake(String what, ThrowingCallable build, Class<? extends Throwable> type,
                                     String... naming) {
        return Arguments.of(Named.of(what, build), type, naming);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeInTheDeclarationIsRefusedNamingWhatIsWrong(ThrowingCallable build, Class<? extends Throwable> type,
                                                            String[] naming) {
        Throwable thrown = catchThrowable(build);

        assertThat(thrown).isExactlyInstanceOf(type);
        assertThat(thrown.getMessage()).contains(naming);
    }
}
