/**
 * Personal fields encrypted under per-subject keys: {@link dev.consentkit.crypto.FieldCrypto} seals a
 * {@link dev.consentkit.crypto.FieldRef cell}'s value, opens it only for a permitted purpose as a role
 * the access policy allows, finds subjects through {@link dev.consentkit.crypto.BlindIndex blind indexes},
 * crypto-shreds a subject (its blind-index entries of the shredded key groups with it), moves blind
 * indexes to a new normaliser version ({@link dev.consentkit.crypto.ReindexJob}), and rotates master
 * and data keys. Master keys come from a
 * {@link dev.consentkit.crypto.KeyEncryptionKeyProvider}: the environment, a passphrase-sealed
 * {@link dev.consentkit.crypto.KeyFile}, or the host's KMS.
 *
 * <p>Callers name a field and a purpose, never an algorithm, nonce or mode. No {@code null} crosses this
 * API. The primitives live in the non-exported {@code internal} package.
 */
package dev.consentkit.crypto;
