package dev.consentkit.core.access;

import java.util.Objects;

/**
 * The answer of an {@link AccessPolicy}: {@link Allowed} with the role that grants it, or
 * {@link Refused} with the reason. Consume it with {@code instanceof} over the two records.
 */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Refused {

    /** @return whether access is allowed */
    boolean isAllowed();

    /** Why access was refused. */
    enum Reason {
        /** None of the principal's roles is granted the purpose. */
        PURPOSE_NOT_GRANTED,
        /** A role has the purpose but not this data category. */
        CATEGORY_NOT_GRANTED,
        /** A role has the purpose and category but not this action. */
        ACTION_NOT_GRANTED,
        /** The category is sensitive and the principal has not verified a second factor. */
        MFA_REQUIRED
    }

    /**
     * Access is allowed.
     *
     * @param role the role whose grant allows it
     */
    record Allowed(String role) implements AccessDecision {
        /** Checks for null. */
        public Allowed {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * Access is refused.
     *
     * @param reason why
     */
    record Refused(Reason reason) implements AccessDecision {
        /** Checks for null. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
