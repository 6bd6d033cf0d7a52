package dev.consentkit.examples.springbooking;

import dev.consentkit.core.PurposeId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The client's pages: the booking form (its consent boxes rendered from the catalogue), and the
 * client's own page behind their private link (bookings, consents with a withdraw button, the export).
 *
 * <p>Thread-safe (a stateless Spring bean).
 */
@Controller
public class BookingController {
    private static final List<LocalTime> TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(14, 0),
            LocalTime.of(16, 0));
    private final BookingService service;
    private final ConsentDesk consents;
    private final Clients clients;
    private final Bookings bookings;
    private final Clock clock;

    /**
     * @param service takes bookings
     * @param consents the consent calls
     * @param clients the clients
     * @param bookings the bookings
     * @param clock the clock that decides which slots are offered
     */
    public BookingController(BookingService service, ConsentDesk consents, Clients clients, Bookings bookings, Clock clock) {
        this.service = service;
        this.consents = consents;
        this.clients = clients;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** @return the booking form */
    @GetMapping("/")
    public String home() {
        return "redirect:/book";
    }

    /**
     * @param model the page's model
     * @return the booking form
     */
    @GetMapping("/book")
    public String form(Model model) {
        return page(model, new BookingForm());
    }

    /**
     * @param form what was posted
     * @param errors its validation errors
     * @param request the request, for the evidence
     * @param model the page's model
     * @return the client's page, or the form again with the errors
     */
    @PostMapping("/book")
    public String book(@Valid @ModelAttribute("form") BookingForm form, BindingResult errors, HttpServletRequest request,
                       Model model) {
        if (errors.hasErrors()) {
            return page(model, form);
        }
        try {
            Client client = service.book(form, new ConsentDesk.FormSubmission(request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT)));
            return "redirect:/me/" + client.getId();
        } catch (DataIntegrityViolationException e) {
            errors.rejectValue("slot", "taken", "This slot was just taken: please pick another.");
            return page(model, form);
        }
    }

    /**
     * @param id the client's private id
     * @param model the page's model
     * @return the client's own page
     */
    @GetMapping("/me/{id}")
    public String me(@PathVariable UUID id, Model model) {
        Client client = client(id);
        model.addAttribute("client", client);
        model.addAttribute("bookings", bookings.findByClientIdOrderBySlot(id));
        model.addAttribute("states", consents.states(client.subject()));
        return "me";
    }

    /**
     * @param id the client's private id
     * @param purpose the purpose whose consent is withdrawn
     * @return the client's page again
     */
    @PostMapping("/me/{id}/withdraw")
    public String withdraw(@PathVariable UUID id, @RequestParam("purpose") String purpose) {
        consents.withdraw(client(id).subject(), PurposeId.of(purpose));
        return "redirect:/me/" + id;
    }

    /**
     * @param id the client's private id
     * @return everything held about the client, as a JSON download
     */
    @GetMapping("/me/{id}/export")
    public ResponseEntity<byte[]> export(@PathVariable UUID id) {
        byte[] json = consents.exportJson(client(id).subject()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("my-data.json").build().toString())
                .body(json);
    }

    private Client client(UUID id) {
        return clients.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(Model model, BookingForm form) {
        model.addAttribute("form", form);
        model.addAttribute("offers", consents.offers());
        model.addAttribute("uses", consents.uses());
        model.addAttribute("controller", consents.controller());
        model.addAttribute("slots", freeSlots());
        return "book";
    }

    /** @return the free slots of the next three days */
    private List<LocalDateTime> freeSlots() {
        List<LocalDateTime> free = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int day = 1; day <= 3; day++) {
            for (LocalTime time : TIMES) {
                LocalDateTime slot = today.plusDays(day).atTime(time);
                if (!bookings.existsBySlot(slot)) {
                    free.add(slot);
                }
            }
        }
        return free;
    }
}
