package dev.consentkit;

import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a recorded consent event as a {@link ConsentReceipt}, with the texts of the catalogue. */
final class ReceiptFactory {
    private ReceiptFactory() {
    }

    static ConsentReceipt receipt(ProcessingCatalog catalog, LedgerEntry entry) {
        ConsentEvent event = entry.event();
        ConsentStatus status = event.kind().status().orElseThrow(() -> new IllegalArgumentException(
                "ledger entry " + entry.sequence() + " is a " + event.kind()
                        + " event, which sets no consent status: only consent events have a receipt"));
        Purpose purpose = catalog.require(event.scope().purpose());
        // Texts follow the locale the notice was shown in, falling back as LocalizedText.best does;
        // Kantara's language field takes the bare ISO 639 language of it.
        Locale shown = event.notice().map(NoticeRef::locale).orElse(catalog.defaultLocale());
        Locale language = Locale.forLanguageTag(shown.getLanguage());
        List<DataCategory> categories = purpose.categories().stream().sorted()
                .map(id -> catalog.category(id).orElseThrow())
                .collect(Collectors.toList());
        List<String> piiCategory = new ArrayList<>();
        List<String> spiCat = new ArrayList<>();
        for (DataCategory c : categories) {
            String name = c.name().best(shown);
            piiCategory.add(name);
            if (c.sensitive()) {
                spiCat.add(name);
            }
        }
        // Processors act on the controller's instructions and are no third party (GDPR Art. 4(10)).
        String thirdParties = purpose.recipients().stream()
                .filter(r -> r.role() != Recipient.Role.PROCESSOR)
                .map(Recipient::name)
                .collect(Collectors.joining(", "));
        // Purposes under consent are not the core service; that runs under contract.
        ConsentReceipt.ServicePurpose servicePurpose = new ConsentReceipt.ServicePurpose(
                purpose.description().best(shown), List.of(), purpose.consentType(), piiCategory, false,
                purpose.retention().map(ReceiptFactory::termination),
                thirdParties.isEmpty() ? Optional.empty() : Optional.of(thirdParties));
        ConsentReceipt.Service service = new ConsentReceipt.Service(purpose.name().best(shown),
                List.of(servicePurpose));
        return new ConsentReceipt(event.id(), catalog.jurisdiction(), language, List.of(catalog.controller()),
                catalog.policyUrl(), List.of(service), spiCat, event.scope(), status, event.occurredAt(),
                event.recordedAt(), event.validUntil(), event.notice(), event.evidence());
    }

    /** Kantara's termination is free text; the catalogue's declaration is rendered in English. */
    static String termination(RetentionDeclaration retention) {
        return "data kept " + retention.inWords();
    }
}
