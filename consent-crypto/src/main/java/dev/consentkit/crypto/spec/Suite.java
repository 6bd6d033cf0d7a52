package dev.consentkit.crypto.spec;

/**
 * The authenticated-encryption suite a field is sealed with. Each suite fixes its algorithm, key size
 * (256 bits), nonce size, tag size (128 bits) and key commitment; there is nothing else to choose.
 *
 * <p>The suite is written into every ciphertext, so values sealed under either suite can always be
 * opened, whatever suite new values use.
 */
public enum Suite {
    /**
     * AES-256-GCM with a random 96-bit nonce, through the JDK (hardware AES where the CPU has it).
     * The default. Random 96-bit nonces limit one data key to about 2<sup>32</sup> values, which a
     * per-subject data key never approaches.
     */
    AES_256_GCM,

    /**
     * XChaCha20-Poly1305 with a random 192-bit nonce. For CPUs without AES instructions, or for keys
     * that seal very many values.
     */
    XCHACHA20_POLY1305
}
