package dev.consentkit.spring.app;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.Normalizer;
import dev.consentkit.crypto.ProtectedField;
import java.util.Locale;

/** The booking application's declarations: purposes, categories, the access policy, protected fields. */
public final class BookingCatalog {
    public static final PurposeId BOOKING = PurposeId.of("booking");
    public static final PurposeId REMINDERS = PurposeId.of("reminders");
    public static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
    public static final ProtectedField NOTE = ProtectedField.of("client", "note", CategoryId.of("contact"), KeyGroup.of("contract"));
    public static final BlindIndex PHONE_INDEX = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 8, 1_000);
    public static final Principal STAFF = Principal.of("olga", "staff");
    public static final Principal INTERN = Principal.of("ivan", "intern");

    private BookingCatalog() {
    }

    public static ProcessingCatalog catalog() {
        Locale en = Locale.ENGLISH;
        return ProcessingCatalog.builder()
                .controller(Controller.of("Harbour Spa Ltd", "privacy@harbour-spa.example"))
                .jurisdiction("DE")
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(en, "Phone number"), false))
                .notice(Notice.builder(NoticeId.of("reminder-notice"))
                        .version("1.0", LocalizedText.of(en, "Send me an SMS reminder the day before.")).build())
                .purpose(Purpose.builder(BOOKING).name(LocalizedText.of(en, "Bookings"))
                        .description(LocalizedText.of(en, "Keeping your appointments.")).basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact")).build())
                .purpose(Purpose.builder(REMINDERS).name(LocalizedText.of(en, "Reminders"))
                        .description(LocalizedText.of(en, "An SMS the day before.")).basis(LegalBasis.CONSENT)
                        .categories(CategoryId.of("contact")).notice(NoticeId.of("reminder-notice")).build())
                .build();
    }

    public static AccessPolicy policy(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant("staff").purposes(BOOKING, REMINDERS).categories(CategoryId.of("contact"))
                .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
                .grant("intern").purposes(BOOKING).categories(CategoryId.of("contact")).actions(AccessAction.WRITE)
                .build();
    }
}
