package dev.consentkit.core.rights;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data-subject requests with their step histories. A request is added once and then advanced
 * one step at a time; steps are never changed or removed. A request whose deadline was provisional
 * may be redated (new due times and calendar basis, same history) when its calendar year's table is
 * loaded.
 *
 * <p>A store keeps everything a {@link SubjectRequest} holds, including its
 * {@linkplain SubjectRequest#dueBasis() due basis} and each step's
 * {@linkplain dev.consentkit.core.rights.RequestStep#extendedBy() extension period}.
 */
public interface RequestStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static RequestStore in(StorageTransaction tx) {
        return Ports.in(tx, RequestStore.class);
    }

    /**
     * @param request a new request, with its first step only
     * @throws dev.consentkit.core.ConcurrentUpdateException if a request with its id is stored
     * @throws IllegalArgumentException if it has more than one step
     */
    void add(SubjectRequest request);

    /**
     * Stores the request after one more step: its state and the new last step; for an EXTENDED step
     * also its extended due time and due basis. Any other step leaves the stored due times and basis
     * as they are.
     *
     * @param next the request with exactly one step more than the stored one
     * @throws dev.consentkit.core.ConcurrentUpdateException if the stored request does not have
     *                                                       exactly one step fewer or another due time
     *                                                       (another writer advanced or redated it
     *                                                       first), or is missing
     */
    void advance(SubjectRequest next);

    /**
     * Replaces the due times and their calendar basis of a stored request, if it is still exactly as
     * the caller read it (compare-and-set): two writers recomputing the same request never both
     * succeed.
     *
     * @param read the request as the caller read it
     * @param redated the same request with new due times or basis ({@link SubjectRequest#withDeadlines})
     * @return whether it was stored; false if the stored request is missing or differs from
     *         {@code read} (another writer advanced or redated it first), in which case nothing changed
     * @throws IllegalArgumentException if {@code redated} differs from {@code read} in anything but its
     *                                  due times and basis
     */
    boolean redate(SubjectRequest read, SubjectRequest redated);

    /**
     * @param after list the requests whose id sorts after this one (ids sort by their text form);
     *              empty to start from the first
     * @param limit at most this many, positive
     * @return the open requests whose deadline is {@linkplain SubjectRequest#isProvisional()
     *         provisional}, by id
     * @throws IllegalArgumentException if the limit is not positive
     */
    List<SubjectRequest> openProvisional(Optional<RequestId> after, int limit);

    /**
     * The check every {@link #redate} makes first, for adapters to share.
     *
     * @param read the request as read
     * @param redated the request to store instead
     * @throws IllegalArgumentException if {@code redated} differs from {@code read} in anything but its
     *                                  due times and basis
     */
    static void checkRedate(SubjectRequest read, SubjectRequest redated) {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(redated, "redated");
        if (!read.withDeadlines(redated.dueAt(), redated.extendedDueAt(), redated.dueBasis()).equals(redated)) {
            throw new IllegalArgumentException("request " + read.id() + ": a redating changes due times and their"
                    + " basis only");
        }
    }

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
