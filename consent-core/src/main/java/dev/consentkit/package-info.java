/**
 * The consent facade {@link dev.consentkit.ConsentKit} (records consent with proof, answers "may I
 * process this now?" with an explanation, restriction, objection, suppression, history, sweeps), the
 * capture {@link dev.consentkit.ConsentCapture}, and the kit's audit trail
 * {@link dev.consentkit.AuditTrail}. Every feature (rights, retention, legal holds, registers,
 * monitoring, compliance, transparency, field protection) is built from a kit by its own
 * {@code of(kit)} or {@code builder(kit)}.
 *
 * <p>No {@code null} crosses this API: absent values are {@link java.util.Optional}, collections are
 * empty, and arguments are checked at the boundary.
 */
package dev.consentkit;
