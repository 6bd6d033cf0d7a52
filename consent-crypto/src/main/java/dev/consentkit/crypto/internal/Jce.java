package dev.consentkit.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Looks up JDK cipher and MAC objects, preferring the JDK's own {@code SunJCE} provider.
 *
 * <p>Why not the plain {@code getInstance(algorithm)}: a host that registers another provider in
 * first position (Bouncy Castle often is) would silently move field encryption onto a pure-Java AES
 * that is 3 to 16 times slower than SunJCE's hardware intrinsics. Platforms without SunJCE fall back to
 * the first provider that offers the algorithm.
 */
final class Jce {
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private Jce() {
    }

    static Cipher cipher(String transformation) {
        try {
            return SUN_JCE != null ? Cipher.getInstance(transformation, SUN_JCE) : Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is required of every Java platform", e);
        }
    }

    static Mac mac(String algorithm) {
        try {
            return SUN_JCE != null ? Mac.getInstance(algorithm, SUN_JCE) : Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
