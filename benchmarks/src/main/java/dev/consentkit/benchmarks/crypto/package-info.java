/**
 * JMH benchmarks of field encryption ({@code consent-crypto}), each against its baselines in the same
 * run: Google Tink's AES-256-GCM {@code Aead}, and the raw JDK {@code AES/GCM/NoPadding} cipher and
 * {@code HmacSHA256} MAC as the limit. See {@code benchmarks/crypto.md} for how to run them and what
 * each one measures.
 *
 * <p>Some benchmarks call {@code dev.consentkit.crypto.internal} directly. That package is not exported
 * by the {@code dev.consentkit.crypto} module; the benchmarks run on the class path, where it is
 * reachable, so that the cost of the cryptography can be told apart from the cost of the access
 * policy, the consent check and the audit record of {@code FieldCrypto.open}.
 */
package dev.consentkit.benchmarks.crypto;
