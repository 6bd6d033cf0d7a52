package dev.consentkit.examples.springbooking;

import dev.consentkit.core.PurposeId;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a booking: the client (with the sealed phone), the consents ticked and the appointment, in
 * one transaction. ConsentKit joins the JPA transaction, so a booking that fails after the consent
 * was recorded — the slot was taken meanwhile, which the database finds at the flush — leaves neither
 * the client nor the consent behind.
 *
 * <p>Thread-safe (a stateless Spring bean).
 */
@Service
public class BookingService {
    private final Clients clients;
    private final Bookings bookings;
    private final ConsentDesk consents;

    /**
     * @param clients the clients
     * @param bookings the bookings
     * @param consents the consent calls
     */
    public BookingService(Clients clients, Bookings bookings, ConsentDesk consents) {
        this.clients = clients;
        this.bookings = bookings;
        this.consents = consents;
    }

    /**
     * @param form a validated form
     * @param submission how it came in
     * @return the new client
     * @throws org.springframework.dao.DataIntegrityViolationException if the slot is taken (nothing is stored)
     * @throws IllegalArgumentException if a ticked purpose was not offered with a notice version (nothing is stored)
     */
    // snippet:book
    @Transactional
    public Client book(BookingForm form, ConsentDesk.FormSubmission submission) {
        Objects.requireNonNull(form, "form");
        Client client = clients.save(new Client(form.getName(), form.getPhone()));
        for (String purpose : form.getConsents()) {
            String shown = form.getVersions().get(purpose);
            if (shown == null) {
                throw new IllegalArgumentException("no notice version was shown for purpose " + purpose);
            }
            consents.give(client.subject(), PurposeId.of(purpose), shown, submission);
        }
        bookings.saveAndFlush(new Booking(client.getId(), form.getSlot()));
        return client;
    }
    // end:book
}
