/**
 * The primitives field encryption is built from: AES-256-GCM (JDK), XChaCha20-Poly1305 and HKDF
 * (Bouncy Castle's lightweight API), HMAC-SHA256 (JDK), key commitment, the canonical associated data
 * and the binary ciphertext format. <strong>Not API</strong>: not exported by the module, may change in
 * any release.
 *
 * <p>Every primitive fixes its sizes (256-bit keys, 128-bit tags, one nonce size per suite) and refuses
 * anything else with {@link java.lang.IllegalArgumentException}; a value that fails to open is a
 * {@link dev.consentkit.crypto.spec.DecryptionException} and nothing more.
 */
package dev.consentkit.crypto.internal;
