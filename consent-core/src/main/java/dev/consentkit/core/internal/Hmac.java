package dev.consentkit.core.internal;

import dev.consentkit.core.HmacKey;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, thread-safe through one {@link Mac} per thread. Not API.
 */
public final class Hmac {
    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs;

    /**
     * @param key the key; its bytes are copied into the JDK key spec
     */
    public Hmac(HmacKey key) {
        Objects.requireNonNull(key, "key");
        SecretKeySpec spec = new SecretKeySpec(key.bytes(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("HMAC key rejected by the platform", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
            }
        });
    }

    /**
     * @param parts byte arrays fed in order
     * @return the 32-byte MAC
     */
    public byte[] mac(byte[]... parts) {
        Mac mac = macs.get();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
