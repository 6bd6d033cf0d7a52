package dev.consentkit.core.rights;

/**
 * Why an erasure keeps something: the legal basis of a purpose (following the W3C DPV mapping of
 * GDPR legal bases to rights, where a legal obligation carries no right to erasure), a legal hold,
 * a purpose outside the request, or proof the controller must keep.
 */
public enum KeepGround {
    /** A purpose based on a legal obligation (GDPR Art. 6(1)(c), 17(3)(b)): invoices kept for tax law. */
    LEGAL_OBLIGATION,
    /** A purpose based on a contract that is still being performed (Art. 6(1)(b); 17(1)(a) does not apply). */
    CONTRACT_RUNNING,
    /** A task in the public interest or official authority (Art. 6(1)(e), 17(3)(b)). */
    PUBLIC_TASK,
    /** An active legal hold covers it. */
    LEGAL_HOLD,
    /** A purpose the erasure request did not name still uses it. */
    NOT_REQUESTED,
    /** Pseudonymous proof of what was done (the consent ledger, the audit chain; Art. 5(2), 7(1)). */
    PROOF,
    /** A rule of the host's own, explained in the reason. */
    HOST_RULE
}
