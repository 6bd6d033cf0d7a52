package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.Suite;
import java.util.Optional;

/**
 * The wire code and nonce size of each {@link Suite}. Kept out of the public enum: they are format
 * details, fixed forever once a value has been written.
 */
final class Suites {
    private static final int AES_256_GCM = 0x01;
    /** 0x02 is reserved for XAES-256-GCM, 0x7F for a future suite. */
    private static final int XCHACHA20_POLY1305 = 0x03;

    private Suites() {
    }

    static int code(Suite suite) {
        return switch (suite) {
            case AES_256_GCM -> AES_256_GCM;
            case XCHACHA20_POLY1305 -> XCHACHA20_POLY1305;
        };
    }

    static Optional<Suite> fromCode(int code) {
        return switch (code) {
            case AES_256_GCM -> Optional.of(Suite.AES_256_GCM);
            case XCHACHA20_POLY1305 -> Optional.of(Suite.XCHACHA20_POLY1305);
            default -> Optional.empty();
        };
    }

    static int nonceBytes(Suite suite) {
        return switch (suite) {
            case AES_256_GCM -> AesGcm.NONCE_BYTES;
            case XCHACHA20_POLY1305 -> XChaCha20Poly1305.NONCE_BYTES;
        };
    }
}
