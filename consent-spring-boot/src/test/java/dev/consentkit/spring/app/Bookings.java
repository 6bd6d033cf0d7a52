package dev.consentkit.spring.app;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.consent.CollectionMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's transactional service: a client and their reminder consent in one transaction. */
@Service
public class Bookings {
    private final ClientRepository clients;
    private final ConsentKit kit;

    public Bookings(ClientRepository clients, ConsentKit kit) {
        this.clients = clients;
        this.kit = kit;
    }

    /**
     * @param failAtEnd throw after both writes, so that the transaction rolls back
     */
    @Transactional
    public Client register(String name, String phone, boolean reminders, boolean failAtEnd) {
        Client client = clients.save(new Client(name, phone));
        if (reminders) {
            kit.consent(client.subject(), BookingCatalog.REMINDERS)
                    .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("booking-form").build()).give();
        }
        if (failAtEnd) {
            throw new IllegalStateException("the booking failed after the client and the consent were written");
        }
        return client;
    }
}
