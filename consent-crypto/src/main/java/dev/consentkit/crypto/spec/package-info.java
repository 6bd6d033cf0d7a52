/**
 * What consent-crypto's ciphertext format specifies and every layer of it shares: the AEAD
 * {@link dev.consentkit.crypto.spec.Suite}s a value may be sealed under, and the one failure an open
 * reports, {@link dev.consentkit.crypto.spec.DecryptionException}. The bottom of the module: the
 * primitives ({@code crypto.internal}) and the API ({@code dev.consentkit.crypto}) import it; it imports
 * neither.
 */
package dev.consentkit.crypto.spec;
