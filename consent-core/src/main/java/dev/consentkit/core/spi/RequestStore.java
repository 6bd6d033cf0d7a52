package dev.consentkit.core.spi;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.rights.RequestId;
import dev.consentkit.core.rights.SubjectRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data-subject requests with their step histories. A request is added once and then advanced
 * one step at a time; steps are never changed or removed.
 */
public interface RequestStore {
    /**
     * @param request a new request, with its first step only
     * @throws dev.consentkit.core.ConcurrentUpdateException if a request with its id is stored
     * @throws IllegalArgumentException if it has more than one step
     */
    void add(SubjectRequest request);

    /**
     * Stores the request after one more step: its state, extended due time and the new last step.
     *
     * @param next the request with exactly one step more than the stored one
     * @throws dev.consentkit.core.ConcurrentUpdateException if the stored request does not have
     *                                                       exactly one step fewer (another writer
     *                                                       advanced it first), or is missing
     */
    void advance(SubjectRequest next);

    /**
     * @param id a request id
     * @return the request with its whole history
     */
    Optional<SubjectRequest> find(RequestId id);

    /**
     * @param subject a subject
     * @return its requests, oldest receipt first (ties by id)
     */
    List<SubjectRequest> forSubject(SubjectId subject);

    /**
     * @param notBefore the earliest due time wanted
     * @param notAfter the latest due time wanted
     * @param limit at most this many, positive
     * @return the open requests whose due time in force lies between the two, both included, soonest
     *         due first (ties by id)
     * @throws IllegalArgumentException if the limit is not positive
     */
    List<SubjectRequest> openDue(Instant notBefore, Instant notAfter, int limit);
}
