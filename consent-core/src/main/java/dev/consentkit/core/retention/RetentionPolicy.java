package dev.consentkit.core.retention;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long one data category of one purpose is kept and what happens then: a period counted from a
 * trigger, and a disposal action. "Bookings: delete 24 months after the booking ended", "photos:
 * crypto-shred 30 days after consent was withdrawn".
 *
 * <p>Triggers and their anchors:
 * <ul>
 *   <li>{@link RetentionTrigger#SINCE_BUSINESS_EVENT}: the latest time the host reported the named
 *       event for the subject (or for one record) with {@link RetentionEngine#recordEvent};</li>
 *   <li>{@link RetentionTrigger#SINCE_PURPOSE_ENDED}: {@link RetentionEngine#purposeEnded}, kept as the
 *       event {@code purpose-ended.<purpose id>};</li>
 *   <li>{@link RetentionTrigger#SINCE_LAST_INTERACTION}: {@link RetentionEngine#interaction}, kept as
 *       the event {@link #INTERACTION} ({@code interaction});</li>
 *   <li>{@link RetentionTrigger#SINCE_WITHDRAWAL}: the consent ledger (the purpose withdrawn or revoked
 *       and no valid consent left);</li>
 *   <li>{@link RetentionTrigger#SINCE_COLLECTION}: the collection time of each record, which the
 *       category's {@link RetentionTarget} lists.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Checked against the catalogue when the engine is built.
 *
 * @param id the policy's id, as acts and markers name it
 * @param purpose the purpose
 * @param category the data category of that purpose
 * @param period how long, positive
 * @param trigger when the period starts
 * @param businessEvent the host's event, present exactly for {@link RetentionTrigger#SINCE_BUSINESS_EVENT}
 * @param action how the data is disposed of
 * @param reason why, in words, as the destruction act states it
 * @param statutoryOverride why a period longer than the law's destruction deadline applies, if it does
 * @param keyGroups for {@link DisposalAction#CRYPTO_SHRED}: the key groups to destroy; empty for every
 *                  group the field protector declares for the category
 */
public record RetentionPolicy(PolicyId id, PurposeId purpose, CategoryId category, Period period, RetentionTrigger trigger,
                              Optional<EventName> businessEvent, DisposalAction action, String reason,
                              Optional<String> statutoryOverride, Set<KeyGroup> keyGroups) {
    /** The event of {@link RetentionTrigger#SINCE_LAST_INTERACTION}. */
    public static final EventName INTERACTION = EventName.of("interaction");
    /** The prefix of the event name of {@link RetentionTrigger#SINCE_PURPOSE_ENDED} (see {@link #purposeEnded}). */
    public static final String PURPOSE_ENDED = "purpose-ended.";

    /**
     * @throws NullPointerException if an argument or a key group is null
     * @throws IllegalArgumentException if key groups are named for an action other than crypto-shredding,
     *                                  the period is not positive, the event does not match the trigger,
     *                                  or a text is blank or too long
     */
    public RetentionPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(businessEvent, "businessEvent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(statutoryOverride, "statutoryOverride");
        keyGroups = Set.copyOf(keyGroups);
        if (!keyGroups.isEmpty() && action != DisposalAction.CRYPTO_SHRED) {
            throw new IllegalArgumentException("retention policy " + id + ": key groups are named only for CRYPTO_SHRED");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention policy " + id + ": period must be positive");
        }
        if ((trigger == RetentionTrigger.SINCE_BUSINESS_EVENT) != businessEvent.isPresent()) {
            throw new IllegalArgumentException("retention policy " + id
                    + ": a business event is named exactly when the trigger is SINCE_BUSINESS_EVENT");
        }
        if (reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("retention policy " + id + ": reason must have 1 to 500 characters");
        }
        statutoryOverride.ifPresent(o -> {
            if (o.isBlank() || o.length() > 500) {
                throw new IllegalArgumentException("retention policy " + id + ": statutory override must have 1 to 500 characters");
            }
        });
    }

    /**
     * @param purpose the purpose
     * @param category a data category of the purpose
     * @return a builder; the id defaults to {@code <purpose>.<category>}
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(PurposeId purpose, CategoryId category) {
        return new Builder(Objects.requireNonNull(purpose, "purpose"), Objects.requireNonNull(category, "category"));
    }

    /**
     * One policy per category of every purpose that declares retention in the catalogue, with the
     * declared period and trigger, the given action and a reason naming the declaration.
     *
     * @param catalog the processing catalogue
     * @param action how to dispose of what is due
     * @return the policies, in catalogue order; empty if no purpose declares retention
     */
    public static List<RetentionPolicy> defaults(ProcessingCatalog catalog, DisposalAction action) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(action, "action");
        List<RetentionPolicy> policies = new ArrayList<>();
        for (Purpose p : catalog.purposes()) {
            if (p.retention().isEmpty()) {
                continue;
            }
            for (CategoryId category : p.categories().stream().sorted().toList()) {
                policies.add(builder(p.id(), category).from(p.retention().get()).action(action).build());
            }
        }
        return List.copyOf(policies);
    }

    /**
     * @return the event name whose anchors start this policy's clock, if the kit keeps them (business
     *         event, purpose ended, last interaction)
     */
    public Optional<EventName> anchorEvent() {
        return switch (trigger) {
            case SINCE_BUSINESS_EVENT -> businessEvent;
            case SINCE_PURPOSE_ENDED -> Optional.of(purposeEnded(purpose));
            case SINCE_LAST_INTERACTION -> Optional.of(INTERACTION);
            case SINCE_WITHDRAWAL, SINCE_COLLECTION -> Optional.empty();
        };
    }

    /**
     * @param purpose a purpose
     * @return the event the kit keeps when the purpose ends for a subject, {@code purpose-ended.<purpose id>}
     * @throws NullPointerException if {@code purpose} is null
     */
    public static EventName purposeEnded(PurposeId purpose) {
        return EventName.of(PURPOSE_ENDED + Objects.requireNonNull(purpose, "purpose").value());
    }

    /**
     * @param anchor when the clock started
     * @return when the data becomes due: the anchor plus the period, in UTC calendar arithmetic
     */
    public Instant dueAt(Instant anchor) {
        return anchor.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    /**
     * @param days a number of calendar days
     * @return whether the period may exceed that many days (a month counts as 31 days, the longest it
     *         may be)
     */
    boolean mayExceedDays(int days) {
        return period.toTotalMonths() * 31 + period.getDays() > days;
    }

    /** Builds a {@link RetentionPolicy}; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private final PurposeId purpose;
        private final CategoryId category;
        private PolicyId id;
        private Period period;
        private RetentionTrigger trigger;
        private EventName event;
        private DisposalAction action = DisposalAction.DELETE;
        private String reason;
        private String override;
        private final Set<KeyGroup> keyGroups = new TreeSet<>();

        private Builder(PurposeId purpose, CategoryId category) {
            this.purpose = purpose;
            this.category = category;
        }

        /**
         * @param id the policy id; default {@code <purpose>.<category>}
         * @return this builder
         * @throws NullPointerException if {@code id} is null
         */
        public Builder id(PolicyId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param period how long the data is kept after the trigger
         * @param trigger when the period starts (not {@link RetentionTrigger#SINCE_BUSINESS_EVENT}: use {@link #afterEvent})
         * @return this builder
         * @throws IllegalArgumentException if the trigger is {@code SINCE_BUSINESS_EVENT}
         */
        public Builder keep(Period period, RetentionTrigger trigger) {
            Objects.requireNonNull(trigger, "trigger");
            if (trigger == RetentionTrigger.SINCE_BUSINESS_EVENT) {
                throw new IllegalArgumentException("name the business event with afterEvent(period, event)");
            }
            this.period = Objects.requireNonNull(period, "period");
            this.trigger = trigger;
            this.event = null;
            return this;
        }

        /**
         * @param period how long the data is kept after the event
         * @param event the host's event, e.g. {@code booking.ended}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder afterEvent(Period period, EventName event) {
            this.period = Objects.requireNonNull(period, "period");
            this.trigger = RetentionTrigger.SINCE_BUSINESS_EVENT;
            this.event = Objects.requireNonNull(event, "event");
            return this;
        }

        /**
         * @param declaration the catalogue's retention declaration of the purpose
         * @return this builder, with its period, trigger and event
         */
        public Builder from(RetentionDeclaration declaration) {
            Objects.requireNonNull(declaration, "declaration");
            this.period = declaration.period();
            this.trigger = declaration.trigger();
            this.event = declaration.businessEvent().orElse(null);
            return this;
        }

        /**
         * @param action how due data is disposed of; default {@link DisposalAction#DELETE}
         * @return this builder
         */
        public Builder action(DisposalAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * @param reason why, as the act states it; default names the period and trigger
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * @param groups for {@link DisposalAction#CRYPTO_SHRED}: the key groups to destroy (e.g. only
         *               {@code marketing} when the newsletter ends); default every group of the category
         * @return this builder
         * @throws NullPointerException if a group is null
         */
        public Builder keyGroups(KeyGroup... groups) {
            for (KeyGroup g : groups) {
                keyGroups.add(Objects.requireNonNull(g, "group"));
            }
            return this;
        }

        /**
         * Allows a period past the law's destruction deadline after withdrawal or the end of the purpose
         * (152-FZ Art. 21 parts 4-5: 30 days), where a contract or another legal basis provides otherwise.
         *
         * @param legalGround the contract clause or law that allows it
         * @return this builder
         */
        public Builder overridingStatutoryPeriod(String legalGround) {
            this.override = Objects.requireNonNull(legalGround, "legalGround");
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalStateException if no period was set
         * @throws IllegalArgumentException if a value is malformed (see the record), or the default id
         *                                  {@code <purpose>.<category>} is longer than a policy id may be
         */
        public RetentionPolicy build() {
            if (period == null || trigger == null) {
                throw new IllegalStateException("retention policy for " + purpose + "/" + category
                        + " needs a period and a trigger (keep, afterEvent or from)");
            }
            PolicyId policyId = id != null ? id : PolicyId.of(purpose.value() + "." + category.value());
            String why = reason != null ? reason : "retention period ended: " + period + " "
                    + (event != null ? "after " + event : trigger.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    + " (purpose " + purpose + ")";
            return new RetentionPolicy(policyId, purpose, category, period, trigger, Optional.ofNullable(event), action,
                    why, Optional.ofNullable(override), keyGroups);
        }
    }
}
