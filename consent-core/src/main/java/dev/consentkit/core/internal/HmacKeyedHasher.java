package dev.consentkit.core.internal;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** The {@link KeyedHasher} of a kit: HMAC-SHA256 over a domain-separated value. Not API. */
public final class HmacKeyedHasher implements KeyedHasher {
    private final Hmac hmac;

    /**
     * @param key the host's pseudonym key
     */
    public HmacKeyedHasher(HmacKey key) {
        this.hmac = new Hmac(key);
    }

    @Override
    public KeyedHash hash(String domain, String value) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
        byte[] mac = hmac.mac(new Canonical("consentkit.keyed-hash.v1").add(domain).add(value).bytes());
        return new KeyedHash(Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
    }

    /**
     * @param value text to digest
     * @return base64url of its keyed hash under the domain {@code "digest"}
     */
    public String digest(byte[] value) {
        byte[] mac = hmac.mac("consentkit.digest.v1".getBytes(StandardCharsets.UTF_8), value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
