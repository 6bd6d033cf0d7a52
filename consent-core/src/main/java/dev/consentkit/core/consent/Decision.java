package dev.consentkit.core.consent;

import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.LegalBasis;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may I process this subject's data for this purpose now?", with its explanation.
 *
 * <p>Either {@link Permitted} (on which basis, since when, under which notice) or {@link Denied}
 * (why). Consume it with a {@code switch} over the two records.
 */
public sealed interface Decision permits Decision.Permitted, Decision.Denied {

    /** @return the scope that was asked about */
    ConsentScope scope();

    /** @return whether processing is permitted */
    boolean isPermitted();

    /**
     * Processing is permitted.
     *
     * @param scope the scope asked about
     * @param basis the legal basis relied on
     * @param since when the consent was given; empty for other bases
     * @param notice the notice consented to; empty for other bases
     */
    record Permitted(ConsentScope scope, LegalBasis basis, Optional<Instant> since, Optional<NoticeRef> notice)
            implements Decision {
        /** Checks for nulls. */
        public Permitted {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(notice, "notice");
        }

        @Override
        public boolean isPermitted() {
            return true;
        }
    }

    /**
     * Processing is denied.
     *
     * @param scope the scope asked about
     * @param reason why
     */
    record Denied(ConsentScope scope, DenialReason reason) implements Decision {
        /** Checks for nulls. */
        public Denied {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isPermitted() {
            return false;
        }
    }
}
