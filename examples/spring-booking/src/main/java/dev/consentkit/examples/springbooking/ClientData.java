package dev.consentkit.examples.springbooking;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spa's own tables in a client's export and erasure: the client row (the phone handed over sealed,
 * opened by the export for the client) and their bookings.
 *
 * <p>Thread-safe (a stateless Spring bean).
 */
@Component
public class ClientData implements SubjectDataContributor {
    private static final String PREFIX = "client-";
    private final Clients clients;
    private final Bookings bookings;

    /**
     * @param clients the clients
     * @param bookings the bookings
     */
    public ClientData(Clients clients, Bookings bookings) {
        this.clients = clients;
        this.bookings = bookings;
    }

    @Override
    public String name() {
        return "harbour";
    }

    @Override
    public void contribute(SubjectId subject, ExportSink sink) {
        Optional<Client> found = clientId(subject).flatMap(clients::findById);
        if (found.isEmpty()) {
            return;
        }
        Client client = found.get();
        Map<String, ExportValue> row = new LinkedHashMap<>();
        row.put("name", ExportValue.plain(client.getName()));
        row.put("phone", ExportValue.sealed(new SealedValue(HarbourCatalog.PHONE.table(), HarbourCatalog.PHONE.column(),
                client.rowKey(), client.getPhone().ciphertext())));
        sink.record("client", row);
        for (Booking b : bookings.findByClientIdOrderBySlot(client.getId())) {
            sink.record("bookings", Map.of("slot", ExportValue.plain(b.getSlot().toString())));
        }
    }

    @Override
    @Transactional
    public ContributorErasure erase(SubjectId subject, ErasureContext context) {
        ContributorErasure.Builder done = ContributorErasure.builder(context);
        Optional<UUID> id = clientId(subject);
        if (id.isEmpty() || !clients.existsById(id.get())) {
            return done.build();
        }
        List<Booking> booked = bookings.findByClientIdOrderBySlot(id.get());
        if (context.mayErase(HarbourCatalog.CONTACT_DATA) && context.mayErase(HarbourCatalog.BOOKING_DATA)) {
            done.erased("booking rows", bookings.deleteByClientId(id.get()));
            clients.deleteById(id.get());
            done.erased("client row", 1);
        } else {
            done.keptAs("client row", 1, HarbourCatalog.CONTACT_DATA).keptAs("booking rows", booked.size(), HarbourCatalog.BOOKING_DATA);
        }
        return done.build();
    }

    /**
     * @param subject a subject
     * @return the client's id, if the subject is one of {@link Client#subject()}'s
     */
    static Optional<UUID> clientId(SubjectId subject) {
        String value = subject.value();
        if (!value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
