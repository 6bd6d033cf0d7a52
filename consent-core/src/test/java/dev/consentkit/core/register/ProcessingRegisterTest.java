package dev.consentkit.core.register;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.EventName;
import static dev.consentkit.core.register.RegisterWorld.GENERATED;
import static dev.consentkit.core.register.RegisterWorld.INVOICES;
import static dev.consentkit.core.register.RegisterWorld.NEWSLETTER;
import static dev.consentkit.core.register.RegisterWorld.ORDERS;
import static dev.consentkit.core.register.RegisterWorld.PORTFOLIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.json.ConsentJsonException;
import dev.consentkit.core.json.RegisterJson;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The register of processing (M22; R-GDPR-19, R-RU-21, R-RU-23): derivation, validation, JSON, diff. */
class ProcessingRegisterTest {

    private static ProcessingRegister registerOf(List<Purpose> purposes) {
        ConsentKit kit = RegisterWorld.kit(RegisterWorld.catalog(purposes), GENERATED, UnaryOperator.identity());
        return ProcessingRegister.builder(kit).build();
    }

    // ---- derivation ------------------------------------------------------------------------------

    @Test
    void oneRowPerPurposeDerivedFromCatalogueAccessPolicyAndProtection_M22() {
        ProcessingRegister register = RegisterWorld.register();

        assertThat(register.records()).extracting(ProcessingRecord::purpose)
                .containsExactly(NEWSLETTER, ORDERS, PORTFOLIO, INVOICES);
        assertThat(register.problems()).isEmpty();
        ProcessingRecord orders = register.record(ORDERS).orElseThrow();
        assertThat(orders.controller()).isEqualTo("Studio Lumen LLC; Privacy desk; privacy@studio-lumen.example; "
                + "12 Tverskaya St, Moscow 125009; https://studio-lumen.example");
        assertThat(orders.dataCategories()).containsExactly("contact (Contact details)", "order (Order details)");
        assertThat(orders.accessRoles()).containsExactly("designer: READ, WRITE on contact, order");
        assertThat(orders.retention()).contains("24 months after the business event order.closed");
        assertThat(orders.transfers()).isEmpty();
        assertThat(orders.securityMeasures()).containsExactly(
                "field encryption with AES-256-GCM (per-subject 256-bit data keys wrapped by a master key): "
                        + "client.email [contact], client.phone [contact], orders.address [order]",
                "master key last rotated 2026-09-01 (87 days before this register)",
                "role-based access control per purpose, category and action, with MFA for special categories",
                "daily encrypted backups, restore tested monthly");
        // a processor in Germany is a transfer out of Russia; the portfolio keeps photos in the studio only
        assertThat(register.record(NEWSLETTER).orElseThrow().transfers()).containsExactly("MailCourier GmbH: DE");
        assertThat(register.record(PORTFOLIO).orElseThrow().securityMeasures()).containsExactly(
                "role-based access control per purpose, category and action, with MFA for special categories",
                "daily encrypted backups, restore tested monthly");
        assertThat(register.record(INVOICES).orElseThrow().risk()).isEmpty();
        assertThat(register.record(INVOICES).orElseThrow().fields()).containsEntry("risk", "not assessed");
    }

    @Test
    void aControllerInTheEeaTransfersOnlyOutsideIt() {
        Purpose newsletter = RegisterWorld.newsletter().build();
        ProcessingCatalog german = ProcessingCatalog.builder().controller(dev.consentkit.core.purpose.Controller.of("Studio", "privacy"))
                .jurisdiction("FR").defaultLocale(RegisterWorld.EN)
                .category(new dev.consentkit.core.purpose.DataCategory(CategoryId.of("contact"), LocalizedText.of(RegisterWorld.EN, "Contact"), false))
                .notice(RegisterWorld.catalog().notice(dev.consentkit.core.purpose.NoticeId.of("newsletter-notice")).orElseThrow())
                .purpose(newsletter)
                .purpose(Purpose.builder(PurposeId.of("analytics")).name(LocalizedText.of(RegisterWorld.EN, "Analytics"))
                        .description(LocalizedText.of(RegisterWorld.EN, "Usage statistics"))
                        .basis(LegalBasis.LEGITIMATE_INTERESTS).categories(CategoryId.of("contact")).subjectCategories("visitors")
                        .recipient(Recipient.of("Stats Inc", Recipient.Role.PROCESSOR).in("US").withAgreement("SCC 2021"))
                        .retention(RetentionDeclaration.of(Period.ofMonths(14), RetentionTrigger.SINCE_COLLECTION))
                        .securityNotPossible("statistics only")
                        .build())
                .build();

        ProcessingRegister register = ProcessingRegister.builder(RegisterWorld.kit(german, GENERATED,
                UnaryOperator.identity())).build();

        assertThat(register.record(NEWSLETTER).orElseThrow().transfers()).isEmpty();
        assertThat(register.record(dev.consentkit.core.PurposeId.of("analytics")).orElseThrow().transfers())
                .containsExactly("Stats Inc: US");
    }

    // ---- validation ------------------------------------------------------------------------------

    @Test
    void everyMissingMandatoryFieldIsNamedWithItsPurposeAndNoExportIsMade_M22() {
        Purpose bare = Purpose.builder(NEWSLETTER).name(LocalizedText.of(RegisterWorld.EN, "Newsletter"))
                .description(LocalizedText.of(RegisterWorld.EN, "News")).basis(LegalBasis.CONSENT).categories(CategoryId.of("contact"))
                .notice(NoticeId.of("newsletter-notice"))
                .recipient(Recipient.of("MailCourier GmbH", Recipient.Role.PROCESSOR))
                .build();
        ProcessingRegister register = registerOf(List.of(bare, RegisterWorld.invoices().build()));

        assertThat(register.problems()).extracting(RegisterProblem::toString).containsExactly(
                "purpose newsletter: categories of subjects (GDPR Art. 30(1)(c)): no category of data subjects is declared",
                "purpose newsletter: recipients (GDPR Art. 30(1)(d), Art. 28(3)): processor 'MailCourier GmbH' has no agreement reference",
                "purpose newsletter: transfers (GDPR Art. 30(1)(e)): recipient 'MailCourier GmbH' declares no country, so a transfer cannot be told",
                "purpose newsletter: retention (GDPR Art. 30(1)(f)): no erasure time limit and no \"not possible: reason\" declared",
                "purpose newsletter: security measures (GDPR Art. 30(1)(g)): no security measure and no \"not possible: reason\" declared",
                "purpose invoices: security measures (GDPR Art. 30(1)(g)): no security measure and no \"not possible: reason\" declared");
        for (Runnable export : List.<Runnable>of(register::toCsv, register::toMarkdown,
                () -> RegisterJson.create().write(register))) {
            assertThatThrownBy(export::run).isInstanceOfSatisfying(IncompleteRegisterException.class,
                    e -> assertThat(e.problems()).isEqualTo(register.problems()))
                    .hasMessageContainingAll("purpose newsletter: categories of subjects", "purpose invoices: security measures",
                            "Art. 30(1)(f)");
        }
    }

    @Test
    void notPossibleWithAReasonIsAcceptedForRetentionAndSecurity_M22() {
        Purpose portfolio = RegisterWorld.portfolio().securityNotPossible("paper albums only, kept in the studio safe")
                .build();

        ProcessingRegister register = registerOf(List.of(portfolio));

        assertThat(register.problems()).isEmpty();
        ProcessingRecord row = register.record(PORTFOLIO).orElseThrow();
        assertThat(row.retention()).contains("not possible: photos are shown until the client withdraws consent; no fixed limit");
        assertThat(row.securityMeasures()).containsExactly("not possible: paper albums only, kept in the studio safe");
        assertThat(register.toMarkdown()).contains("not possible: paper albums only");
    }

    @Test
    void aPurposeCannotDeclareARetentionAndThatNoneIsPossible() {
        assertThatThrownBy(() -> RegisterWorld.portfolio()
                .retention(RetentionDeclaration.of(Period.ofYears(3), RetentionTrigger.SINCE_WITHDRAWAL)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("purpose portfolio")
                .hasMessageContaining("keep one");
        assertThatThrownBy(() -> RegisterWorld.portfolio().retentionNotPossible(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOldCatalogueStillBuildsAndShowsWhatItLacks() {
        ProcessingRegister register = ProcessingRegister.builder(Fixtures.kit(
                dev.consentkit.core.memory.InMemoryStorage.create(), new MutableClock(GENERATED))).build();

        assertThat(register.records()).hasSize(4);
        assertThat(register.problems()).extracting(RegisterProblem::field).contains("categories of subjects",
                "security measures");
    }

    // ---- CSV quoting (RFC 4180) ------------------------------------------------------------------

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(RegisterText.csvField("plain text; with semicolons")).isEqualTo("plain text; with semicolons");
        assertThat(RegisterText.csvField("a, b")).isEqualTo("\"a, b\"");
        assertThat(RegisterText.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RegisterText.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RegisterText.csvField("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(RegisterText.csvField("")).isEmpty();
        assertThat(RegisterWorld.register().toCsv()).endsWith("\r\n").doesNotContain("\r\n\r\n")
                .contains("\"Designing and delivering what the client ordered (\"\"turnkey\"\" projects).\"");
    }

    @Test
    void markdownCellsEscapePipesAndLineBreaks() {
        assertThat(RegisterText.cell(List.of("a|b\nc", "d; e"))).isEqualTo("a\\|b<br>c<br>d; e");
    }

    // ---- JSON ------------------------------------------------------------------------------------

    @Test
    void jsonReadsBackEqualToWhatWasWritten() {
        ProcessingRegister register = RegisterWorld.register();
        RegisterJson json = RegisterJson.create();

        ProcessingRegister read = json.read(json.write(register));

        assertThat(read).isEqualTo(register);
        assertThat(RegisterDiff.between(register, read).isEmpty()).isTrue();
    }

    @Test
    void malformedJsonIsRefusedByPathWithoutEchoingValues() {
        RegisterJson json = RegisterJson.create();
        String written = json.write(RegisterWorld.register());

        assertThatThrownBy(() -> json.read(written.replace("\"CONTRACT\"", "\"SECRET-BASIS\"")))
                .isInstanceOf(ConsentJsonException.class).hasMessageContaining("$.records[1].legalBasis")
                .message().doesNotContain("SECRET");
        assertThatThrownBy(() -> json.read(written.replaceFirst("\"generatedAt\"", "\"made\"")))
                .isInstanceOf(ConsentJsonException.class).hasMessageContaining("$.generatedAt");
        assertThatThrownBy(() -> json.read("{\"generatedAt\": "))
                .isInstanceOf(ConsentJsonException.class).hasMessageContaining("malformed JSON");
    }

    // ---- diff (R-RU-23: by the 15th of the following month) --------------------------------------

    @Test
    void theDiffListsAddedRemovedAndChangedRowsAndFieldsAndTheFifteenthRule_M22() {
        ProcessingRegister november = registerOf(List.of(RegisterWorld.newsletter().build(),
                RegisterWorld.orders().build(), RegisterWorld.invoices().build()));
        ConsentKit december = RegisterWorld.kit(RegisterWorld.catalog(List.of(
                RegisterWorld.newsletter().build(),
                RegisterWorld.orders().retention(RetentionDeclaration.afterEvent(Period.ofMonths(36), EventName.of("order.closed")))
                        .recipient(Recipient.of("Print Shop LLC", Recipient.Role.PROCESSOR).in("RU")
                                .withAgreement("DPA 2026-01")).build(),
                RegisterWorld.portfolio().build())), Instant.parse("2026-12-03T10:00:00Z"), UnaryOperator.identity());

        RegisterDiff diff = RegisterDiff.between(november, ProcessingRegister.builder(december).build());

        assertThat(diff.added()).containsExactly(PORTFOLIO);
        assertThat(diff.removed()).containsExactly(INVOICES);
        assertThat(diff.changed()).extracting(c -> c.purpose() + "/" + c.field()).containsExactly(
                "order-fulfilment/recipients", "order-fulfilment/retention");
        assertThat(diff.changed().get(1).before()).isEqualTo("24 months after the business event order.closed");
        assertThat(diff.changed().get(1).after()).isEqualTo("36 months after the business event order.closed");
        assertThat(diff.authorityNoticeDue()).contains(LocalDate.of(2027, 1, 15));
        assertThat(diff.toMarkdown()).contains("Added purpose: `portfolio`", "Removed purpose: `invoices`",
                "| `order-fulfilment` | retention | 24 months after the business event order.closed | 36 months",
                "by: 2027-01-15");
    }

    @Test
    void anUnchangedRegisterHasAnEmptyDiffAndNoDeadline() {
        ProcessingRegister a = RegisterWorld.register();
        ProcessingRegister b = RegisterWorld.register();

        RegisterDiff diff = RegisterDiff.between(a, b);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.authorityNoticeDue()).isEmpty();
        assertThat(diff.toMarkdown()).contains("No changes.");
    }
}
