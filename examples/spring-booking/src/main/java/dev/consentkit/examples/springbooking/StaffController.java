package dev.consentkit.examples.springbooking;

import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff pages (signed in): the clients, and one client with the phone number — opened for the
 * booking as the signed-in user, shown only if the policy lets their role read it.
 *
 * <p>Thread-safe (a stateless Spring bean).
 */
@Controller
public class StaffController {
    private final Clients clients;
    private final Bookings bookings;
    private final ConsentDesk consents;

    /**
     * @param clients the clients
     * @param bookings the bookings
     * @param consents the consent calls
     */
    public StaffController(Clients clients, Bookings bookings, ConsentDesk consents) {
        this.clients = clients;
        this.bookings = bookings;
        this.consents = consents;
    }

    /**
     * @param model the page's model
     * @return the list of clients
     */
    @GetMapping("/staff")
    public String clients(Model model) {
        model.addAttribute("clients", clients.findAll(Sort.by("name")));
        return "staff";
    }

    /**
     * @param id a client
     * @param model the page's model
     * @return the client's card
     */
    @GetMapping("/staff/clients/{id}")
    public String client(@PathVariable UUID id, Model model) {
        Client client = clients.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("client", client);
        model.addAttribute("phone", consents.phone(client).orElse(null));
        model.addAttribute("bookings", bookings.findByClientIdOrderBySlot(id));
        model.addAttribute("states", consents.states(client.subject()));
        return "client";
    }
}
