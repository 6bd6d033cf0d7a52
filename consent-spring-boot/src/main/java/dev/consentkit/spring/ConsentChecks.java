package dev.consentkit.spring;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.spring.internal.DecisionObserver;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "May I process this now?" — {@link ConsentKit#check} for Spring applications, counted by the
 * metrics ({@code consentkit.checks}, tagged by purpose and outcome) when Micrometer is on the class
 * path. The kit's own {@code check} gives the same decisions, uncounted. Thread-safe.
 */
public final class ConsentChecks {
    private final ConsentKit kit;
    private final List<DecisionObserver> observers;

    /**
     * @param kit the kit
     * @param observers who hears each decision
     */
    public ConsentChecks(ConsentKit kit, List<DecisionObserver> observers) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.observers = List.copyOf(observers);
    }

    /**
     * @param subject whose consent or basis
     * @param purpose for what
     * @return the decision, with its reason
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public Decision check(SubjectId subject, PurposeId purpose) {
        return observed(purpose, kit.check(subject, purpose));
    }

    /**
     * @param scope subject, purpose and, optionally, channel and asset
     * @return the decision, with its reason
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public Decision check(ConsentScope scope) {
        return observed(scope.purpose(), kit.check(scope));
    }

    /**
     * @param subjects whose consent or basis, up to the kit's bulk limit
     * @param purpose for what
     * @return one decision per subject, in one set-based read
     */
    public Map<SubjectId, Decision> checkAll(Collection<SubjectId> subjects, PurposeId purpose) {
        Map<SubjectId, Decision> decisions = kit.checkAll(subjects, purpose);
        decisions.values().forEach(d -> observed(purpose, d));
        return decisions;
    }

    private Decision observed(PurposeId purpose, Decision decision) {
        for (DecisionObserver o : observers) {
            o.decided(purpose, decision);
        }
        return decision;
    }

    @Override
    public String toString() {
        return "ConsentChecks[" + kit + "]";
    }
}
