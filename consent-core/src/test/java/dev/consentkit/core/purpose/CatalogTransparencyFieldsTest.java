package dev.consentkit.core.purpose;

import dev.consentkit.core.PurposeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import java.net.URI;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optional catalogue fields the generated documents read, and replacing a notice. */
class CatalogTransparencyFieldsTest {
    private static final LocalizedText TEXT = LocalizedText.of(Locale.ENGLISH, "text");

    private static Purpose.Builder newsletter() {
        return Purpose.builder(PurposeId.of("newsletter")).name(TEXT).description(TEXT).basis(LegalBasis.CONSENT)
                .categories(CategoryId.of("contact")).notice(NoticeId.of("n"));
    }

    private static ProcessingCatalog catalog(Purpose purpose) {
        return ProcessingCatalog.builder().controller(Controller.of("Studio", "Desk")).jurisdiction("RU")
                .withdrawalUrl(URI.create("https://studio.example/consents"))
                .dataProtectionOfficer(DataProtectionOfficer.of("Irina", "dpo@studio.example"))
                .category(new DataCategory(CategoryId.of("contact"), TEXT, false))
                .notice(Notice.builder(NoticeId.of("n")).version("1.0", TEXT).build())
                .notice(Notice.builder(NoticeId.of("m")).version("1.0", TEXT).build())
                .purpose(purpose).build();
    }

    @Test
    void theOptionalFieldsAreAbsentUnlessDeclared() {
        Purpose plain = newsletter().build();
        assertThat(plain.consentPhrase()).isEmpty();
        assertThat(plain.operations()).isEmpty();
        assertThat(plain.method()).isEmpty();
        assertThat(Recipient.of("Mail", Recipient.Role.PROCESSOR).address()).isEmpty();
        assertThat(ProcessingCatalog.builder().controller(Controller.of("S", "D")).jurisdiction("RU")
                .category(new DataCategory(CategoryId.of("contact"), TEXT, false))
                .purpose(Purpose.builder(PurposeId.of("orders")).name(TEXT).description(TEXT).basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact")).build()).build().dataProtectionOfficer()).isEmpty();
    }

    @Test
    void declaredFieldsAreKept() {
        Purpose p = newsletter().consentPhrase(TEXT)
                .operations(ProcessingOperation.STORAGE, ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE)
                .method(ProcessingMethod.MIXED).build();
        ProcessingCatalog c = catalog(p);

        assertThat(p.consentPhrase()).hasValue(TEXT);
        assertThat(p.operations()).containsExactly(ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE);
        assertThat(p.method()).hasValue(ProcessingMethod.MIXED);
        assertThat(c.withdrawalUrl()).hasValue(URI.create("https://studio.example/consents"));
        assertThat(c.dataProtectionOfficer()).hasValue(new DataProtectionOfficer("Irina", Optional.of("dpo@studio.example"),
                Optional.empty()));
        assertThat(Recipient.of("Mail", Recipient.Role.PROCESSOR).withAddress("5 St").address()).hasValue("5 St");
        assertThatThrownBy(() -> Recipient.of("Mail", Recipient.Role.PROCESSOR).withAddress(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataProtectionOfficer.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNoticeReplacesOneNoticeAndKeepsEverythingElse() {
        ProcessingCatalog c = catalog(newsletter().reconfirmEvery(Period.ofMonths(12)).build());
        Notice v2 = Notice.builder(NoticeId.of("n")).version("1.0", TEXT).version("2.0", TEXT.and(Locale.FRENCH, "texte")).build();

        ProcessingCatalog replaced = c.withNotice(v2);

        assertThat(replaced.notice(NoticeId.of("n"))).hasValue(v2);
        assertThat(replaced.notice(NoticeId.of("n")).orElseThrow().current()).isEqualTo(NoticeVersion.parse("2.0"));
        assertThat(replaced.notice(NoticeId.of("m"))).isEqualTo(c.notice(NoticeId.of("m")));
        assertThat(replaced.purposes()).containsExactlyElementsOf(c.purposes());
        assertThat(replaced.withdrawalUrl()).isEqualTo(c.withdrawalUrl());
        assertThat(replaced.dataProtectionOfficer()).isEqualTo(c.dataProtectionOfficer());
        assertThat(replaced.controller()).isEqualTo(c.controller());
        assertThatThrownBy(() -> c.withNotice(Notice.builder(NoticeId.of("unknown")).version("1.0", TEXT).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("catalogue declares no notice 'unknown' to replace");
    }
}
