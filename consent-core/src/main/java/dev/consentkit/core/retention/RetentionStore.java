package dev.consentkit.core.retention;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the retention engine keeps: the business events the host reports (anchors of retention
 * clocks), markers of what each policy has disposed of (so a second run disposes of nothing twice),
 * and the destruction acts.
 *
 * <p>Every query is set-based: due anchors are read a page at a time in one statement, markers are
 * looked up and written for a whole batch at once. Event names, policy ids, subject ids and record
 * references are compared exactly.
 *
 * <p>Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work and
 * not thread-safe. Every write in a read-only unit ({@link dev.consentkit.core.spi.ConsentStorage#read}) throws
 * {@link IllegalStateException}. Arguments must not be {@code null}.
 */
public interface RetentionStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static RetentionStore in(StorageTransaction tx) {
        return Ports.in(tx, RetentionStore.class);
    }

    /**
     * Records a business event as an anchor, keeping the later time when the same (event, subject,
     * record) was reported before ("last invoice" moves forward, never back).
     *
     * @param eventName the event, e.g. {@code booking.ended}
     * @param anchor the subject, record and time
     * @return whether the stored anchor changed
     * @throws IllegalArgumentException if the store cannot keep the time exactly (see {@link dev.consentkit.core.spi.ConsentStorage})
     */
    boolean recordEvent(EventName eventName, RetentionAnchor anchor);

    /**
     * @param eventName the event
     * @param key the subject and record
     * @return the stored anchor's time, if any
     */
    Optional<Instant> event(EventName eventName, RetentionAnchor.Key key);

    /**
     * One page of the event's anchors at or before {@code upTo} that the policy has not disposed of
     * since they were last set, ordered by subject id then record reference (in the store's own
     * order, which the cursor {@code after} follows).
     *
     * @param policyId the policy whose markers exclude anchors
     * @param eventName the event
     * @param upTo latest anchor time wanted, inclusive
     * @param after the last key of the previous page, or empty for the first page
     * @param limit at most this many, positive
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<RetentionAnchor> dueEvents(PolicyId policyId, EventName eventName, Instant upTo, Optional<RetentionAnchor.Key> after,
                                    int limit);

    /**
     * @param policyId a policy
     * @param anchors anchors from any source
     * @return the keys of those the policy already disposed of at their time or later
     */
    Set<RetentionAnchor.Key> disposed(PolicyId policyId, Collection<RetentionAnchor> anchors);

    /**
     * Marks anchors as disposed of by a policy under an act, replacing earlier markers of the same keys.
     *
     * @param policyId the policy
     * @param anchors the anchors disposed of
     * @param actId the act that records it
     */
    void markDisposed(PolicyId policyId, Collection<RetentionAnchor> anchors, UUID actId);

    /**
     * Removes every business event of a subject (for erasure). Markers stay: they hold no personal value.
     *
     * @param subject the subject
     * @return how many events were removed
     */
    int forgetEvents(SubjectId subject);

    /**
     * Stores a new act; its entries must be empty (they are added one by one).
     *
     * @param act the act, open
     * @throws IllegalArgumentException if it has entries or is complete
     * @throws dev.consentkit.core.ConcurrentUpdateException if an act with that id exists
     */
    void openAct(DestructionAct act);

    /** @return the act a run left open, if any (the oldest, if several) */
    Optional<DestructionAct> unfinishedAct();

    /**
     * @param actId an open act
     * @param entry the next entry; its number is the act's entry count plus one
     * @throws IllegalStateException if the act does not exist or is complete
     * @throws dev.consentkit.core.ConcurrentUpdateException if an entry with that number exists
     */
    void addActEntry(UUID actId, ActEntry entry);

    /**
     * @param actId an open act
     * @param completedAt when its run ended
     * @throws IllegalStateException if the act does not exist or is complete
     */
    void completeAct(UUID actId, Instant completedAt);

    /**
     * @param actId an act id
     * @return the act with its entries, if it exists
     */
    Optional<DestructionAct> act(UUID actId);

    /** @return every act with its entries, by start time then id */
    List<DestructionAct> acts();

    /**
     * Deletes the complete acts (with their entries) that completed before {@code cutoff}.
     *
     * @param cutoff the first completion time kept
     * @return the ids of the acts deleted
     */
    List<UUID> purgeActs(Instant cutoff);
}
