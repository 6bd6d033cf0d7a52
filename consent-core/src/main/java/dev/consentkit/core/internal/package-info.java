/**
 * Implementation details shared by ConsentKit's packages. <strong>Not API</strong>: exported only to
 * {@code dev.consentkit.crypto} (which shares the strict UTF-8 of {@link dev.consentkit.core.internal.Utf8}),
 * may change in any release.
 */
package dev.consentkit.core.internal;
