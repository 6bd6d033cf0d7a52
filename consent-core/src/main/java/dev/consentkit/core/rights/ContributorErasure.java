package dev.consentkit.core.rights;

import dev.consentkit.core.CategoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one contributor erased and kept.
 *
 * @param erased what was erased, with counts
 * @param kept what was kept, with counts and reasons
 */
public record ContributorErasure(List<Item> erased, List<KeptItem> kept) {
    /** Copies the lists. */
    public ContributorErasure {
        erased = List.copyOf(erased);
        kept = List.copyOf(kept);
    }

    /**
     * @param what what it is, e.g. {@code "client row"}: no personal value
     * @param count how many
     */
    public record Item(String what, long count) {
        /** @throws IllegalArgumentException if the count is negative or the text malformed */
        public Item {
            ExportNames.text(what, "what", 128);
            if (count < 0) {
                throw new IllegalArgumentException("a count is not negative");
            }
        }
    }

    /**
     * @param what what it is, e.g. {@code "invoice rows"}
     * @param count how many
     * @param reason why it is kept
     */
    public record KeptItem(String what, long count, KeepReason reason) {
        /** @throws IllegalArgumentException if the count is negative or the text malformed */
        public KeptItem {
            ExportNames.text(what, "what", 128);
            Objects.requireNonNull(reason, "reason");
            if (count < 0) {
                throw new IllegalArgumentException("a count is not negative");
            }
        }
    }

    /**
     * @param context the erasure's context, whose reasons {@link Builder#keptAs} uses
     * @return a builder
     */
    public static Builder builder(ErasureContext context) {
        return new Builder(Objects.requireNonNull(context, "context"));
    }

    /** Collects a contributor's result. Not thread-safe. */
    public static final class Builder {
        private final ErasureContext context;
        private final List<Item> erased = new ArrayList<>();
        private final List<KeptItem> kept = new ArrayList<>();

        private Builder(ErasureContext context) {
            this.context = context;
        }

        /**
         * Reports something erased; a count of 0 (already erased by an earlier run) is left out.
         *
         * @param what what it is
         * @param count how many were erased by this call
         * @return this builder
         */
        public Builder erased(String what, long count) {
            Item item = new Item(what, count);
            if (count > 0) {
                erased.add(item);
            }
            return this;
        }

        /**
         * Reports something kept because its data category is kept in this erasure, with the reason
         * the context gives.
         *
         * @param what what it is
         * @param count how many
         * @param category its data category
         * @return this builder
         * @throws IllegalArgumentException if the category may be erased (then erase it)
         */
        public Builder keptAs(String what, long count, CategoryId category) {
            KeepReason reason = context.keptBecause(category).orElseThrow(() -> new IllegalArgumentException(
                    "category " + category + " may be erased in this erasure: it cannot be reported kept"));
            kept.add(new KeptItem(what, count, reason));
            return this;
        }

        /**
         * Reports something kept for a reason of the host's own.
         *
         * @param what what it is
         * @param count how many
         * @param reason why
         * @return this builder
         */
        public Builder kept(String what, long count, KeepReason reason) {
            kept.add(new KeptItem(what, count, reason));
            return this;
        }

        /** @return the result */
        public ContributorErasure build() {
            return new ContributorErasure(erased, kept);
        }
    }
}
