package dev.consentkit.core.rights;

import dev.consentkit.core.SubjectId;

/**
 * How a host's own tables (clients, bookings, invoices) join a subject's export and erasure. The
 * host registers one contributor per area with {@link SubjectDataService.Builder#contributor}.
 *
 * <pre>{@code
 * final class ClientTable implements SubjectDataContributor {
 *     public String name() { return "crm"; }
 *     public void contribute(SubjectId subject, ExportSink sink) {
 *         // one record per row; protected columns handed over sealed, the export opens them
 *         sink.record("client", Map.of("name", ExportValue.sealed(new SealedValue("client", "name", id, nameCipher))));
 *     }
 *     public ContributorErasure erase(SubjectId subject, ErasureContext context) {
 *         ContributorErasure.Builder done = ContributorErasure.builder(context);
 *         if (context.mayErase(CategoryId.of("contact"))) { done.erased("client row", deleteClient(subject)); }
 *         return done.keptAs("invoice rows", countInvoices(subject), CategoryId.of("billing")).build();
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe if the service is shared, put no personal value in
 * exceptions or logs, and make {@link #erase} idempotent: an erasure that failed halfway is run
 * again from the start, and a second erasure of the same subject calls every contributor again.
 */
public interface SubjectDataContributor {
    /**
     * @return a short lower-case code naming this contributor in exports and erasure outcomes, e.g.
     *         {@code "crm"}; unique within a service
     */
    String name();

    /**
     * Adds what the host's tables hold about the subject to an access or portability export.
     *
     * @param subject the subject
     * @param sink receives records, by named section
     */
    void contribute(SubjectId subject, ExportSink sink);

    /**
     * Erases what the host's tables hold about the subject, as far as the context allows, and says
     * what was erased and what was kept and why. Must be idempotent.
     *
     * @param subject the subject
     * @param context which data categories may be erased and why the others are kept
     * @return what was erased and kept; nothing reported erased that was not
     * @throws RuntimeException on failure; the erasure then reports itself incomplete and a rerun resumes
     */
    ContributorErasure erase(SubjectId subject, ErasureContext context);
}
