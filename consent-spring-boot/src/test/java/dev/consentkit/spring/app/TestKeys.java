package dev.consentkit.spring.app;

import java.util.Base64;
import java.util.Map;

/** Fixed test keys (the same on every start, as a real deployment's are), as Spring properties. */
public final class TestKeys {
    public static final String AUDIT = key(1);
    public static final String PSEUDONYM = key(2);
    public static final String MASTER = key(3);
    public static final String INDEX = key(4);

    private TestKeys() {
    }

    private static String key(int fill) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (fill * 31 + i);
        }
        return Base64.getEncoder().encodeToString(k);
    }

    /** @return every key property */
    public static Map<String, Object> properties() {
        return Map.of("consentkit.audit-key", AUDIT, "consentkit.pseudonym-key", PSEUDONYM,
                "consentkit.crypto.master-key", MASTER, "consentkit.crypto.blind-index-key", INDEX);
    }
}
