package dev.consentkit.core.access;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may do what with which personal data, and why: each grant gives a role some actions on some
 * data categories for some purposes (need to know, GDPR Art. 5(1)(f), 152-FZ Art. 19). Sensitive
 * categories additionally need a verified second factor.
 *
 * <pre>{@code
 * CategoryId CONTACT = CategoryId.of("contact"), ORDER = CategoryId.of("order");
 * AccessPolicy policy = AccessPolicy.builder(catalog)
 *         .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CONTACT, ORDER).actions(READ, WRITE, SEARCH)
 *         .grant("designer").purposes(ORDERS).categories(ORDER).actions(READ)
 *         .build();
 * }</pre>
 *
 * <p>Validated against the catalogue when built. Immutable and thread-safe.
 */
public final class AccessPolicy {
    private final ProcessingCatalog catalog;
    private final List<Grant> grants;

    private AccessPolicy(ProcessingCatalog catalog, List<Grant> grants) {
        this.catalog = catalog;
        this.grants = List.copyOf(grants);
    }

    /**
     * @param catalog the catalogue whose purposes and categories grants name
     * @return a builder
     */
    public static Builder builder(ProcessingCatalog catalog) {
        return new Builder(Objects.requireNonNull(catalog, "catalog"));
    }

    /** @return every grant, in declaration order */
    public List<Grant> grants() {
        return grants;
    }

    /**
     * Decides whether {@code principal} may do {@code action} on data of {@code category} for
     * {@code purpose}. Refusals say why, most specific reason first.
     *
     * @param principal who asks
     * @param purpose for which purpose
     * @param category the data category of the field
     * @param action what they want to do
     * @return allowed (with the granting role) or refused (with the reason)
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     * @throws IllegalArgumentException if the category is not declared
     */
    public AccessDecision decide(Principal principal, PurposeId purpose, CategoryId category, AccessAction action) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        catalog.require(purpose);
        Objects.requireNonNull(category, "category");
        DataCategory declared = catalog.category(category)
                .orElseThrow(() -> new IllegalArgumentException("unknown data category '" + category + "'"));
        AccessDecision.Reason best = AccessDecision.Reason.PURPOSE_NOT_GRANTED;
        for (Grant g : grants) {
            if (!principal.roles().contains(g.role()) || !g.purposes().contains(purpose)) {
                continue;
            }
            if (!g.categories().contains(category)) {
                best = max(best, AccessDecision.Reason.CATEGORY_NOT_GRANTED);
                continue;
            }
            if (!g.actions().contains(action)) {
                best = max(best, AccessDecision.Reason.ACTION_NOT_GRANTED);
                continue;
            }
            if (declared.sensitive() && !principal.mfaVerified()) {
                best = max(best, AccessDecision.Reason.MFA_REQUIRED);
                continue;
            }
            return new AccessDecision.Allowed(g.role());
        }
        return new AccessDecision.Refused(best);
    }

    private static AccessDecision.Reason max(AccessDecision.Reason a, AccessDecision.Reason b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * One grant: a role may do some actions on some categories for some purposes.
     *
     * @param role the role
     * @param purposes the purposes
     * @param categories the data category ids
     * @param actions the actions
     */
    public record Grant(String role, Set<PurposeId> purposes, Set<CategoryId> categories, Set<AccessAction> actions) {
        /**
         * @throws IllegalArgumentException if a set is empty or the role malformed
         */
        public Grant {
            Principal.checkRole(role);
            purposes = Set.copyOf(purposes);
            categories = Set.copyOf(categories);
            actions = Set.copyOf(actions);
            if (purposes.isEmpty() || categories.isEmpty() || actions.isEmpty()) {
                throw new IllegalArgumentException("grant to role " + role + " needs purposes, categories and actions");
            }
        }
    }

    /** Collects grants; {@link #build()} checks them against the catalogue. Not thread-safe. */
    public static final class Builder {
        private final ProcessingCatalog catalog;
        private final List<Grant> grants = new ArrayList<>();
        private String role;
        private Set<PurposeId> purposes = new LinkedHashSet<>();
        private Set<CategoryId> categories = new LinkedHashSet<>();
        private Set<AccessAction> actions = EnumSet.noneOf(AccessAction.class);

        private Builder(ProcessingCatalog catalog) {
            this.catalog = catalog;
        }

        /**
         * Starts a grant to a role (finishing the previous one).
         *
         * @param role the role
         * @return this builder
         */
        public Builder grant(String role) {
            finish();
            this.role = Principal.checkRole(role);
            return this;
        }

        /**
         * @param ids purposes of the current grant
         * @return this builder
         */
        public Builder purposes(PurposeId... ids) {
            current();
            for (PurposeId id : ids) {
                purposes.add(Objects.requireNonNull(id, "purpose"));
            }
            return this;
        }

        /**
         * @param ids data category ids of the current grant
         * @return this builder
         */
        public Builder categories(CategoryId... ids) {
            current();
            for (CategoryId id : ids) {
                categories.add(Objects.requireNonNull(id, "category"));
            }
            return this;
        }

        /**
         * @param granted actions of the current grant
         * @return this builder
         */
        public Builder actions(AccessAction... granted) {
            current();
            for (AccessAction a : granted) {
                actions.add(Objects.requireNonNull(a, "action"));
            }
            return this;
        }

        private void current() {
            if (role == null) {
                throw new IllegalStateException("start a grant with grant(role) first");
            }
        }

        private void finish() {
            if (role == null) {
                return;
            }
            for (PurposeId p : purposes) {
                Purpose purpose = catalog.purpose(p).orElseThrow(() ->
                        new IllegalStateException("grant to role " + role + " names unknown purpose '" + p + "'"));
                for (CategoryId c : categories) {
                    if (catalog.category(c).isEmpty()) {
                        throw new IllegalStateException("grant to role " + role + " names unknown data category '" + c + "'");
                    }
                    if (!purpose.categories().contains(c)) {
                        throw new IllegalStateException("grant to role " + role + ": purpose " + p
                                + " does not process data category '" + c + "'");
                    }
                }
            }
            grants.add(new Grant(role, purposes, categories, actions));
            role = null;
            purposes = new LinkedHashSet<>();
            categories = new LinkedHashSet<>();
            actions = EnumSet.noneOf(AccessAction.class);
        }

        /**
         * @return the immutable policy
         * @throws IllegalStateException if a grant names an undeclared purpose or category, a category
         *                               its purposes do not process, or lacks purposes, categories or actions
         */
        public AccessPolicy build() {
            try {
                finish();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return new AccessPolicy(catalog, grants);
        }
    }
}
