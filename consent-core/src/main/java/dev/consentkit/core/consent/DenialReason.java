package dev.consentkit.core.consent;

/** Why a {@link Decision} denies processing. */
public enum DenialReason {
    /** The purpose is not declared in the catalogue. */
    UNKNOWN_PURPOSE,
    /** The contact point is on the suppression list for this purpose. */
    SUPPRESSED,
    /** Processing for the purpose is restricted (Art. 18; blocking under 152-FZ). */
    RESTRICTED,
    /** The subject objected to the purpose (Art. 21). */
    OBJECTED,
    /** No consent was ever recorded for the scope. */
    NEVER_GIVEN,
    /** Consent was requested and not answered yet. */
    AWAITING_ANSWER,
    /** The subject refused. */
    REFUSED,
    /** The subject withdrew consent. */
    WITHDRAWN,
    /** Someone other than the subject revoked it. */
    REVOKED,
    /** Its validity period ran out without re-confirmation. */
    EXPIRED,
    /** It was invalidated. */
    INVALIDATED,
    /** It was given for an earlier major version of the notice; the subject must be asked again. */
    NOTICE_OUTDATED
}
