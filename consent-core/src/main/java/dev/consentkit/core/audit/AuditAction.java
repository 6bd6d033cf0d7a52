package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an audited operation did, as a dotted code. The constants cover the core; other modules add
 * their own codes (key shredding, field access).
 *
 * @param code lower-case dotted code, e.g. {@code consent.given}
 */
public record AuditAction(String code) {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    /** Consent given. */
    public static final AuditAction CONSENT_GIVEN = new AuditAction("consent.given");
    /** Consent re-confirmed. */
    public static final AuditAction CONSENT_RENEWED = new AuditAction("consent.renewed");
    /** Consent requested. */
    public static final AuditAction CONSENT_REQUESTED = new AuditAction("consent.requested");
    /** Consent refused. */
    public static final AuditAction CONSENT_REFUSED = new AuditAction("consent.refused");
    /** Consent withdrawn. */
    public static final AuditAction CONSENT_WITHDRAWN = new AuditAction("consent.withdrawn");
    /** Consent revoked. */
    public static final AuditAction CONSENT_REVOKED = new AuditAction("consent.revoked");
    /** Consent expired. */
    public static final AuditAction CONSENT_EXPIRED = new AuditAction("consent.expired");
    /** Consent invalidated. */
    public static final AuditAction CONSENT_INVALIDATED = new AuditAction("consent.invalidated");
    /** Processing restricted. */
    public static final AuditAction PROCESSING_RESTRICTED = new AuditAction("processing.restricted");
    /** Restriction lifted. */
    public static final AuditAction RESTRICTION_LIFTED = new AuditAction("processing.restriction_lifted");
    /** Objection recorded. */
    public static final AuditAction PROCESSING_OBJECTED = new AuditAction("processing.objected");
    /** Objection lifted. */
    public static final AuditAction OBJECTION_LIFTED = new AuditAction("processing.objection_lifted");
    /** A contact point put on the suppression list. */
    public static final AuditAction SUPPRESSION_ADDED = new AuditAction("suppression.added");
    /**
     * Never written: what {@code AuditTrail.records} shows for a stored row that cannot be read (an
     * edited or corrupt row; {@code verify()} names it).
     */
    public static final AuditAction UNREADABLE = new AuditAction("audit.unreadable");

    /**
     * @throws IllegalArgumentException if not a lower-case dotted code of at most 64 characters
     */
    public AuditAction {
        Objects.requireNonNull(code, "code");
        if (code.length() > 64 || !FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("audit action must be a lower-case dotted code of at most 64 characters");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
