/**
 * The shared base types every other package builds on: typed identifiers
 * ({@link dev.consentkit.core.SubjectId}, {@link dev.consentkit.core.PurposeId}, ...), actors, keys and
 * keyed hashes, localized text, contact points, and the root exception
 * {@link dev.consentkit.core.ConsentException}. This package imports no other ConsentKit package.
 *
 * <p>No {@code null} crosses this API: absent values are {@link java.util.Optional}, collections are
 * empty, and arguments are checked at the boundary.
 */
package dev.consentkit.core;
