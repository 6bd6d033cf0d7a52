package dev.consentkit.core.rights;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to erase: a subject, everything or some purposes, which contracts are still running, and the
 * contact points to keep on the suppression list. Immutable; {@link #toString()} shows no contact point.
 *
 * @param subject whose data
 * @param actor who erases (an operator answering the request, or a system component)
 * @param purposes the purposes whose data is erased; empty for every purpose
 * @param contractsRunning contract purposes still being performed: their data is kept
 * @param contacts the subject's e-mail addresses and phone numbers, given by the host before its own
 *                 copies go, to be suppressed for every purpose the subject objected to (GDPR Art. 21)
 * @param suppressEverywhere whether to suppress the contacts for every purpose (the subject asked
 *                           never to be contacted again)
 */
public record ErasureRequest(SubjectId subject, Actor actor, Set<PurposeId> purposes, Set<PurposeId> contractsRunning,
                             List<ContactPoint> contacts, boolean suppressEverywhere) {
    /** Checks for nulls and copies the collections. */
    public ErasureRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        purposes = Set.copyOf(purposes);
        contractsRunning = Set.copyOf(contractsRunning);
        contacts = List.copyOf(contacts);
    }

    /**
     * @param subject whose data
     * @param actor who erases
     * @return a builder for an erasure of every purpose
     */
    public static Builder builder(SubjectId subject, Actor actor) {
        return new Builder(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(actor, "actor"));
    }

    @Override
    public String toString() {
        return "ErasureRequest[purposes " + (purposes.isEmpty() ? "all" : purposes) + ", " + contacts.size()
                + " contacts]";
    }

    /** Builds an {@link ErasureRequest}. Not thread-safe. */
    public static final class Builder {
        private final SubjectId subject;
        private final Actor actor;
        private final Set<PurposeId> purposes = new LinkedHashSet<>();
        private final Set<PurposeId> contracts = new LinkedHashSet<>();
        private final List<ContactPoint> contacts = new ArrayList<>();
        private boolean everywhere;

        private Builder(SubjectId subject, Actor actor) {
            this.subject = subject;
            this.actor = actor;
        }

        /**
         * Limits the erasure to some purposes; data a purpose outside them uses is kept.
         *
         * @param ids the purposes
         * @return this builder
         */
        public Builder onlyPurposes(PurposeId... ids) {
            for (PurposeId p : ids) {
                purposes.add(Objects.requireNonNull(p, "purpose"));
            }
            return this;
        }

        /**
         * @param ids contract purposes still being performed for the subject (an open order)
         * @return this builder
         */
        public Builder contractRunning(PurposeId... ids) {
            for (PurposeId p : ids) {
                contracts.add(Objects.requireNonNull(p, "purpose"));
            }
            return this;
        }

        /**
         * @param contact an e-mail address or phone number of the subject
         * @return this builder
         */
        public Builder contact(ContactPoint contact) {
            contacts.add(Objects.requireNonNull(contact, "contact"));
            return this;
        }

        /**
         * Suppresses the contacts for every purpose, not only those objected to.
         *
         * @return this builder
         */
        public Builder suppressEverywhere() {
            this.everywhere = true;
            return this;
        }

        /** @return the request */
        public ErasureRequest build() {
            return new ErasureRequest(subject, actor, purposes, contracts, contacts, everywhere);
        }
    }
}
