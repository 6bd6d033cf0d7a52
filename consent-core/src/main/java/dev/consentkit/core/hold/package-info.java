/**
 * Legal holds ({@link dev.consentkit.core.hold.LegalHold}, {@link dev.consentkit.core.hold.HoldScope}),
 * placed and lifted through {@link dev.consentkit.core.hold.LegalHolds}: they block disposal by
 * retention and erasure of a subject's data. Shared by the rights and retention features; owns its
 * storage port {@link dev.consentkit.core.hold.HoldStore}.
 */
package dev.consentkit.core.hold;
