package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.purpose.Purpose;
import java.util.function.Predicate;

/** Counting given consents of a purpose that match a rule, in one scan of the projection. */
final class ConsentStates {
    private ConsentStates() {
    }

    static long countValid(ComplianceContext context, Purpose purpose, Predicate<ConsentState> rule) {
        long[] n = {0};
        KitContext.of(context.kit()).storage().read(tx -> {
            tx.projection().forPurpose(purpose.id(), s -> {
                if (s.status().map(ConsentStatus::isValid).orElse(false) && rule.test(s)) {
                    n[0]++;
                }
            });
            return null;
        });
        return n[0];
    }
}
