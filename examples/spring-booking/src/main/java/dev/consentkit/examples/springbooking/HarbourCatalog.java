package dev.consentkit.examples.springbooking;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
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
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.crypto.ProtectedField;
import java.time.Period;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spa's declarations: who the controller is, the purposes and their legal bases, the reminder
 * notice whose text the booking form shows, who may do what with phone numbers, and the sealed phone
 * column. The catalogue, not glue: an application without ConsentKit would still have to write it down
 * (it is its record of processing). Its {@code @Bean} lines are glue: they hand the declarations to
 * consent-spring-boot, which builds the storage, the kit, field encryption and {@code SealedFields}.
 */
@Configuration(proxyBeanMethods = false)
public class HarbourCatalog {
    /** Keeping the client's appointments (contract): no consent needed. */
    public static final PurposeId BOOKING = PurposeId.of("booking");
    /** An SMS the day before (consent, the box on the booking form). */
    public static final PurposeId REMINDERS = PurposeId.of("reminders");
    /** Data category: name and phone number. */
    public static final CategoryId CONTACT_DATA = CategoryId.of("contact");
    /** Data category: booked appointments. */
    public static final CategoryId BOOKING_DATA = CategoryId.of("booking");
    /** The language the pages are in. */
    public static final Locale LOCALE = Locale.ENGLISH;
    /** The sealed phone column: category {@code contact}, its own key group per client. */
    public static final ProtectedField PHONE = ProtectedField.of("client", "phone", CONTACT_DATA, KeyGroup.of("contract"));
    /** Role of the booking form itself: it may write a phone number, never read one. */
    public static final String SELF_SERVICE_ROLE = "self-service";
    /** Role of the front-desk staff: may read phone numbers for bookings and reminders. */
    public static final String STAFF_ROLE = "staff";
    /** Role of interns: may write phone numbers (take a booking by phone), never read them. */
    public static final String INTERN_ROLE = "intern";
    /** Who writes when a client books on the web page: the form, not a person. */
    public static final Principal BOOKING_FORM = Principal.of("booking-form", SELF_SERVICE_ROLE);

    /** @return the processing catalogue (purposes, categories, notices) */
    @Bean
    public static ProcessingCatalog catalog() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Harbour Spa Ltd", "privacy@harbour-spa.example"))
                .jurisdiction("DE")
                .defaultLocale(LOCALE)
                .category(new DataCategory(CONTACT_DATA, LocalizedText.of(LOCALE, "Name and phone number"), false))
                .category(new DataCategory(BOOKING_DATA, LocalizedText.of(LOCALE, "Booked appointments"), false))
                .notice(Notice.builder(NoticeId.of("reminder-notice"))
                        .version("1.0", LocalizedText.of(LOCALE,
                                "Send me an SMS reminder the day before my appointment. I can withdraw this at any time on my booking page."))
                        .build())
                .purpose(Purpose.builder(BOOKING).name(LocalizedText.of(LOCALE, "Bookings"))
                        .description(LocalizedText.of(LOCALE, "We keep your name, phone number and appointments to see you at the time you booked."))
                        .basis(LegalBasis.CONTRACT).categories(CONTACT_DATA, BOOKING_DATA)
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("booking.ended"))).build())
                .purpose(Purpose.builder(REMINDERS).name(LocalizedText.of(LOCALE, "SMS reminders"))
                        .description(LocalizedText.of(LOCALE, "An SMS to your phone the day before your appointment."))
                        .basis(LegalBasis.CONSENT).categories(CONTACT_DATA).notice(NoticeId.of("reminder-notice")).build())
                .build();
    }

    /**
     * @param catalog the catalogue
     * @return who may read, write and search which categories for which purposes
     */
    @Bean
    public static AccessPolicy policy(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant(STAFF_ROLE).purposes(BOOKING, REMINDERS).categories(CONTACT_DATA)
                .actions(AccessAction.READ, AccessAction.WRITE)
                .grant(INTERN_ROLE).purposes(BOOKING).categories(CONTACT_DATA).actions(AccessAction.WRITE)
                .grant(SELF_SERVICE_ROLE).purposes(BOOKING).categories(CONTACT_DATA).actions(AccessAction.WRITE)
                .build();
    }

    /** @return the sealed phone column, as a bean: field encryption is configured for the declared fields */
    @Bean
    public static ProtectedField phoneField() {
        return PHONE;
    }
}
