package dev.consentkit;

import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The decision rules, as one pure function of catalogue, projection rows and time. */
final class ConsentDecider {
    private final ProcessingCatalog catalog;

    ConsentDecider(ProcessingCatalog catalog) {
        this.catalog = catalog;
    }

    Decision decide(ConsentScope scope, List<ConsentState> states, boolean suppressed, Instant now) {
        Optional<Purpose> declared = catalog.purpose(scope.purpose());
        if (declared.isEmpty()) {
            return new Decision.Denied(scope, DenialReason.UNKNOWN_PURPOSE);
        }
        Purpose purpose = declared.get();
        if (suppressed) {
            return new Decision.Denied(scope, DenialReason.SUPPRESSED);
        }
        ConsentState effective = null;
        for (ConsentState s : states) {
            if (s.scope().isWholePurpose()) {
                if (s.restricted()) {
                    return new Decision.Denied(scope, DenialReason.RESTRICTED);
                }
                if (s.objected()) {
                    return new Decision.Denied(scope, DenialReason.OBJECTED);
                }
            }
            if (s.status().isPresent() && s.scope().covers(scope)
                    && (effective == null || s.sequence() > effective.sequence())) {
                effective = s;
            }
        }
        if (!purpose.needsConsent()) {
            return new Decision.Permitted(scope, purpose.basis(), Optional.empty(), Optional.empty());
        }
        if (effective == null) {
            return new Decision.Denied(scope, DenialReason.NEVER_GIVEN);
        }
        ConsentStatus status = effective.status().orElseThrow();
        DenialReason reason = switch (status) {
            case GIVEN, RENEWED_GIVEN -> validityProblem(purpose, effective, now);
            case REQUESTED -> DenialReason.AWAITING_ANSWER;
            case REFUSED -> DenialReason.REFUSED;
            case WITHDRAWN -> DenialReason.WITHDRAWN;
            case REVOKED -> DenialReason.REVOKED;
            case EXPIRED -> DenialReason.EXPIRED;
            case INVALIDATED -> DenialReason.INVALIDATED;
        };
        if (reason != null) {
            return new Decision.Denied(scope, reason);
        }
        return new Decision.Permitted(scope, purpose.basis(), Optional.of(effective.since()), effective.notice());
    }

    /** @return why a given consent no longer holds, or {@code null} if it does */
    private DenialReason validityProblem(Purpose purpose, ConsentState state, Instant now) {
        if (state.validUntil().isPresent() && !now.isBefore(state.validUntil().get())) {
            return DenialReason.EXPIRED;
        }
        if (!isCurrent(purpose, state.notice())) {
            return DenialReason.NOTICE_OUTDATED;
        }
        return null;
    }

    boolean isCurrent(Purpose purpose, Optional<NoticeRef> ref) {
        Optional<Notice> notice = purpose.notice().flatMap(catalog::notice);
        return notice.isEmpty() || ref.map(r -> notice.get().isCurrent(r)).orElse(false);
    }
}
