/**
 * Field encryption for personal data. At this stage it names the cipher {@link dev.consentkit.crypto.Suite
 * suites} and the one failure a caller sees when a value cannot be opened,
 * {@link dev.consentkit.crypto.DecryptionException}.
 *
 * <p>Callers name a field and a purpose, never an algorithm, nonce or mode. No {@code null} crosses this
 * API.
 */
package dev.consentkit.crypto;
