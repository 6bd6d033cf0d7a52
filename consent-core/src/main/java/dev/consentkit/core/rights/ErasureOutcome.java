package dev.consentkit.core.rights;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of one erasure run: what was erased, what was kept and why, what was refused, and
 * whether the run completed. Holds no personal value: the subject appears by its pseudonymous
 * reference. Immutable.
 *
 * @param id the run's id, also the reference of its audit record
 * @param subjectRef the subject's pseudonymous reference
 * @param at when it ran
 * @param status how it ended
 * @param withdrawn consent purposes whose valid consent this run withdrew
 * @param suppressed how many suppression entries this run added
 * @param erased what this run erased (an earlier run's work is not repeated here)
 * @param kept what is kept, and why
 * @param refused why the whole erasure was refused; empty unless {@link Status#REFUSED}
 * @param failure which step failed, present exactly when {@link Status#INCOMPLETE}
 */
public record ErasureOutcome(UUID id, KeyedHash subjectRef, Instant at, Status status, List<PurposeId> withdrawn,
                             int suppressed, List<Erased> erased, List<Kept> kept, List<KeepReason> refused,
                             Optional<String> failure) {
    /** How an erasure run ended. */
    public enum Status {
        /** Everything erasable was erased; what is kept is listed with its reason. */
        COMPLETED,
        /**
         * Nothing was left to erase: what remains is kept for the reasons listed. A second erasure of
         * the same subject ends so.
         */
        NOTHING_TO_ERASE,
        /** A legal hold on the whole subject refused the erasure; nothing was changed. */
        REFUSED,
        /** A step failed: what is listed was done, the rest was not. Run the same erasure again to resume. */
        INCOMPLETE;

        /** @return whether the erasure is finished (nothing erasable is left) */
        public boolean isComplete() {
            return this == COMPLETED || this == NOTHING_TO_ERASE;
        }
    }

    /**
     * @param source which part erased it: {@code consent-kit}, {@code field-protector} or a contributor's name
     * @param what what it was, no personal value
     * @param count how many
     */
    public record Erased(String source, String what, long count) {
        /** Checks the names. */
        public Erased {
            ExportNames.code(source, "source");
            ExportNames.text(what, "what", 128);
        }
    }

    /**
     * @param source which part keeps it
     * @param what what it is
     * @param count how many
     * @param reason why it is kept
     */
    public record Kept(String source, String what, long count, KeepReason reason) {
        /** Checks the names. */
        public Kept {
            ExportNames.code(source, "source");
            ExportNames.text(what, "what", 128);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @throws IllegalArgumentException if the failure does not match the status, or a refusal lacks reasons
     */
    public ErasureOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        withdrawn = List.copyOf(withdrawn);
        erased = List.copyOf(erased);
        kept = List.copyOf(kept);
        refused = List.copyOf(refused);
        if (failure.isPresent() != (status == Status.INCOMPLETE)) {
            throw new IllegalArgumentException("an erasure names a failed step exactly when it is incomplete");
        }
        if (refused.isEmpty() == (status == Status.REFUSED)) {
            throw new IllegalArgumentException("a refused erasure, and only one, gives its reasons");
        }
    }

    /** @return whether nothing erasable is left */
    public boolean isComplete() {
        return status.isComplete();
    }
}
