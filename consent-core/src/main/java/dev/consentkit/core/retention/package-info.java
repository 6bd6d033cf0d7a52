/**
 * Retention: policies per purpose and data category (a period counted from a trigger, and a disposal
 * action), business events the host reports as anchors, a dry-run {@link dev.consentkit.core.retention.RetentionPlan},
 * an executor that disposes of what is due in set-based batches (resumable, idempotent), and the
 * {@link dev.consentkit.core.retention.DestructionAct} that Roskomnadzor Order 179 asks for.
 *
 * Legal holds ({@link dev.consentkit.core.hold.LegalHolds}) block both retention and erasure.
 *
 * <p>Entry point: {@link dev.consentkit.core.retention.RetentionEngine}.
 */
package dev.consentkit.core.retention;
