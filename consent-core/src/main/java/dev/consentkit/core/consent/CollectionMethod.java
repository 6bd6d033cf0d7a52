package dev.consentkit.core.consent;

/** How a consent (or its withdrawal) reached the host. */
public enum CollectionMethod {
    /** The subject ticked an unticked box on a web or app form. */
    WEB_CHECKBOX,
    /** A signed paper form, kept by the host (see the attachment reference). */
    PAPER_FORM,
    /** Said in person to an operator. */
    IN_PERSON,
    /** Said on a phone call to an operator. */
    PHONE_CALL,
    /** Confirmed by following a link sent by e-mail (double opt-in). */
    EMAIL_CONFIRMATION,
    /** Imported from a legacy system; its original proof is referenced, not re-created. */
    IMPORTED,
    /** Recorded by ConsentKit itself: expiry, invalidation after a major notice change. */
    SYSTEM
}
