package dev.consentkit.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** RSA key pairs made once per test run: generating 3072-bit pairs takes a moment. */
final class RsaPairs {
    /** The back office's pair, 3072 bits. */
    static final KeyPair CURRENT = RsaKeyEncryptionKeys.generateKeyPair();
    /** A later pair, 3072 bits, to rotate to. */
    static final KeyPair NEXT = RsaKeyEncryptionKeys.generateKeyPair();
    /** A pair as made before new pairs needed 3072 bits. */
    static final KeyPair LEGACY_2048 = generate(2048);

    private RsaPairs() {
    }

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
