package dev.consentkit.core.testing;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.SubjectDataContributor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A design studio's own tables, in memory, as a {@link SubjectDataContributor}: client cards
 * (category {@code contact}), orders ({@code order}) and invoices ({@code billing}). Its erasure is
 * idempotent and follows the context category by category. Thread-safe.
 */
public class StudioBook implements SubjectDataContributor {
    private final String name;
    private final Map<SubjectId, Map<String, String>> clients = new ConcurrentHashMap<>();
    private final Map<SubjectId, List<String>> orders = new ConcurrentHashMap<>();
    private final Map<SubjectId, List<String>> invoices = new ConcurrentHashMap<>();

    /**
     * @param name the contributor's name
     */
    public StudioBook(String name) {
        this.name = name;
    }

    /**
     * @param subject the client
     * @param fullName the client's name
     * @param email the client's e-mail address
     * @return this book
     */
    public StudioBook client(SubjectId subject, String fullName, String email) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("name", fullName);
        card.put("email", email);
        clients.put(subject, card);
        return this;
    }

    /**
     * Corrects a field of a client's card (rectification).
     *
     * @param subject the client
     * @param field the field
     * @param value the corrected value
     */
    public void correct(SubjectId subject, String field, String value) {
        clients.get(subject).put(field, value);
    }

    /**
     * @param subject the client
     * @param what the order's description
     * @return this book
     */
    public StudioBook order(SubjectId subject, String what) {
        orders.computeIfAbsent(subject, s -> new ArrayList<>()).add(what);
        return this;
    }

    /**
     * @param subject the client
     * @param number the invoice number
     * @return this book
     */
    public StudioBook invoice(SubjectId subject, String number) {
        invoices.computeIfAbsent(subject, s -> new ArrayList<>()).add(number);
        return this;
    }

    /**
     * @param subject the client
     * @return the client's card, if still held
     */
    public Map<String, String> card(SubjectId subject) {
        return clients.getOrDefault(subject, Map.of());
    }

    /** @param subject the client @return the orders held */
    public List<String> orders(SubjectId subject) {
        return orders.getOrDefault(subject, List.of());
    }

    /** @param subject the client @return the invoices held */
    public List<String> invoices(SubjectId subject) {
        return invoices.getOrDefault(subject, List.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void contribute(SubjectId subject, ExportSink sink) {
        Map<String, String> card = clients.get(subject);
        if (card != null) {
            Map<String, ExportValue> fields = new LinkedHashMap<>();
            card.forEach((k, v) -> fields.put(k, ExportValue.plain(v)));
            sink.record("client", fields);
        }
        orders(subject).forEach(o -> sink.record("orders", Map.of("description", ExportValue.plain(o))));
        invoices(subject).forEach(i -> sink.record("invoices", Map.of("number", ExportValue.plain(i))));
    }

    @Override
    public ContributorErasure erase(SubjectId subject, ErasureContext context) {
        ContributorErasure.Builder done = ContributorErasure.builder(context);
        eraseOrKeep(done, context, clients, subject, "client card", "contact", 1);
        eraseOrKeep(done, context, orders, subject, "orders", "order", orders(subject).size());
        eraseOrKeep(done, context, invoices, subject, "invoices", "billing", invoices(subject).size());
        return done.build();
    }

    private static void eraseOrKeep(ContributorErasure.Builder done, ErasureContext context, Map<SubjectId, ?> table,
                                    SubjectId subject, String what, String category, int count) {
        if (!table.containsKey(subject)) {
            return;
        }
        if (context.mayErase(category)) {
            table.remove(subject);
            done.erased(what, count);
        } else {
            done.keptAs(what, count, category);
        }
    }
}
