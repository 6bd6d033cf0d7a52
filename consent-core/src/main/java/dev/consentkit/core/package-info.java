/**
 * The entry point {@link dev.consentkit.core.ConsentKit}, typed identifiers
 * ({@link dev.consentkit.core.SubjectId}, {@link dev.consentkit.core.PurposeId}), keys and keyed hashes, and the
 * root exception {@link dev.consentkit.core.ConsentException}.
 *
 * <p>No {@code null} crosses this API: absent values are {@link java.util.Optional}, collections are
 * empty, and arguments are checked at the boundary.
 */
package dev.consentkit.core;
