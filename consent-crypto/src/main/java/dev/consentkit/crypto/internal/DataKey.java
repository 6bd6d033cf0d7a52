package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.Suite;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit data key (DEK) with its key id, the id written into every value sealed under it. Not API.
 *
 * <p>For each suite it is used with, the key derives its encryption key and key commitment
 * ({@link KeyCommitment}) once, on first use, and keeps them with an initialised JDK key object, so
 * that sealing and opening a value do no key derivation. Keep a {@code DataKey} (as the key cache does)
 * rather than rebuilding it per value.
 *
 * <p>Immutable in what it means and thread-safe: the derived keys are computed at most a few times
 * when threads race, always to the same bytes. The key bytes are copied in and never leave;
 * {@link #toString()} shows the id only.
 *
 * <p><b>Clearing.</b> Whoever drops a key (the key cache, on eviction) may {@link #tryClear()} it:
 * the key bytes and the derived byte arrays are overwritten with zeros, unless a seal or open is using
 * the key at that moment ({@link FieldSealer} marks its use), in which case nothing happens and the
 * caller tries again later. A cleared key refuses every later use with {@link IllegalStateException},
 * so a value is never sealed under zeros. Best effort: the JDK's own key object and cipher state keep
 * copies that only the garbage collector reclaims.
 */
public final class DataKey {
    /** Key size: 32 bytes. */
    public static final int BYTES = 32;

    private static final int CLEARED = -1;
    private final int keyId;
    private final byte[] key;
    /** How many seals and opens use the key now, or {@link #CLEARED}. */
    private final AtomicInteger users = new AtomicInteger();
    /** Per {@link Suite#ordinal()}; an entry is written once with an object whose fields are final. */
    private final SuiteKey[] derived = new SuiteKey[Suite.values().length];

    private DataKey(int keyId, byte[] key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * @param keyId the key's id, any 32-bit value (read as unsigned); random per key version, never
     *     derived from the key
     * @param key 32 bytes, copied
     * @return the data key
     * @throws IllegalArgumentException if {@code key} is not 32 bytes
     * @throws NullPointerException if {@code key} is null
     */
    public static DataKey of(int keyId, byte[] key) {
        Objects.requireNonNull(key, "key");
        return new DataKey(keyId, Sizes.exactly(key, BYTES, "key").clone());
    }

    /** @return the key id */
    public int keyId() {
        return keyId;
    }

    /** The key itself, not copied: only this package reads it, and nothing here writes to it. */
    byte[] bytes() {
        return key;
    }

    /** Marks a use of the key; every {@code enter} is followed by one {@link #exit}. */
    void enter() {
        while (true) {
            int n = users.get();
            if (n == CLEARED) {
                throw new IllegalStateException("data key " + Integer.toUnsignedString(keyId)
                        + " was cleared from memory after its cache dropped it; read it again");
            }
            if (users.compareAndSet(n, n + 1)) {
                return;
            }
        }
    }

    /** Ends a use marked by {@link #enter}. */
    void exit() {
        users.decrementAndGet();
    }

    /**
     * Overwrites the key bytes and what was derived from them with zeros, if no seal or open uses the
     * key now. Afterwards every use throws {@link IllegalStateException}.
     *
     * @return whether the key is cleared (now or before); false if it is in use, to be tried again
     */
    public boolean tryClear() {
        if (!users.compareAndSet(0, CLEARED)) {
            return users.get() == CLEARED;
        }
        Arrays.fill(key, (byte) 0);
        for (SuiteKey k : derived) {
            if (k != null) {
                Arrays.fill(k.encryptionKey, (byte) 0);
            }
        }
        return true;
    }

    /** The suite's encryption key and commitment under this key, derived on first use. */
    SuiteKey forSuite(Suite suite) {
        int i = suite.ordinal();
        SuiteKey k = derived[i];
        if (k == null) {
            k = new SuiteKey(suite, key);
            derived[i] = k;
        }
        return k;
    }

    /**
     * What one suite uses of a data key: its own encryption key, as bytes and (AES-256-GCM only) as a
     * JDK key, and the commitment.
     */
    static final class SuiteKey {
        final byte[] encryptionKey;
        final SecretKeySpec jdkKey;
        final byte[] commitment;

        SuiteKey(Suite suite, byte[] dek) {
            this.encryptionKey = KeyCommitment.encryptionKey(suite, dek);
            this.jdkKey = suite == Suite.AES_256_GCM ? new SecretKeySpec(encryptionKey, "AES") : null;
            this.commitment = KeyCommitment.commitment(suite, dek);
        }
    }

    @Override
    public String toString() {
        return "DataKey[keyId=" + Integer.toUnsignedString(keyId) + ", key=<masked>]";
    }
}
