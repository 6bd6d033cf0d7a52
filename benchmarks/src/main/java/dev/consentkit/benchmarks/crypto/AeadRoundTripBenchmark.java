package dev.consentkit.benchmarks.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldCiphertext;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One AES-256-GCM seal and open (encrypt then decrypt) of a {@code size}-byte value with associated
 * data, under one key or cycling through {@code keys} pre-built keys, three ways in the same run:
 *
 * <ul>
 *   <li>{@code fieldSealer}: ConsentKit's crypto path, {@code FieldSealer.seal} + {@code open} with a
 *       {@code DataKey} (random nonce, canonical associated data, key commitment, ciphertext format;
 *       the key's derived AES key and commitment are made in setup, as in a warm key cache);
 *       no access policy, consent check, key lookup or audit;</li>
 *   <li>{@code tink}: Google Tink's AES-256-GCM {@code Aead} ({@code encrypt} + {@code decrypt}) with
 *       the same associated data as ConsentKit binds for the cell;</li>
 *   <li>{@code jdk}: the raw JDK {@code AES/GCM/NoPadding} {@code Cipher}, cached, with a fresh random
 *       12-byte nonce per seal and the same associated data: the limit.</li>
 * </ul>
 *
 * <p>Each method returns the opened plaintext, so nothing is optimised away. Timings are reported, never
 * asserted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class AeadRoundTripBenchmark {
    /** The same cell for every benchmark: only the associated data's length matters to the cost. */
    static final FieldContext CONTEXT = new FieldContext("client", "email", "100042", "7Wb2k9hQfVtq3xY1Zc4dRg");

    /** Plaintext size in bytes. */
    @Param({"64", "1024"})
    public int size;

    /** How many keys are cycled, one per operation: 1 (one subject, warm) or 10 000 (many subjects). */
    @Param({"1", "10000"})
    public int keys;

    private byte[] plaintext;
    /** The associated data given to Tink and the JDK: as long as what ConsentKit binds for {@link #CONTEXT}. */
    private byte[] aad;
    private DataKey[] dataKeys;
    private Aead[] tinkAeads;
    private SecretKeySpec[] jdkKeys;
    private final FieldSealer sealer = new FieldSealer();
    private final SecureRandom random = new SecureRandom();
    private Cipher cipher;
    private int next;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public AeadRoundTripBenchmark() {
    }

    /**
     * Builds the keys of all three contestants and checks that each round trip gives back the plaintext.
     *
     * @throws GeneralSecurityException if Tink or the JDK refuses
     */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        AeadConfig.register();
        plaintext = Keys.text(size).getBytes(StandardCharsets.US_ASCII);
        aad = Keys.bytes(-1, aadLength(CONTEXT));
        dataKeys = new DataKey[keys];
        tinkAeads = new Aead[keys];
        jdkKeys = new SecretKeySpec[keys];
        for (int i = 0; i < keys; i++) {
            byte[] key = Keys.bytes(i, DataKey.BYTES);
            dataKeys[i] = DataKey.of(0x1000 + i, key);
            jdkKeys[i] = new SecretKeySpec(key, "AES");
            tinkAeads[i] = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        // A warm key cache holds keys that have been used: each DataKey derives its AES key and
        // commitment on first use, so use every one once here, outside the measurement.
        for (DataKey key : dataKeys) {
            sealer.seal(key, Suite.AES_256_GCM, CONTEXT, plaintext);
        }
        for (int i = 0; i < Math.min(keys, 3); i++) {
            check(fieldSealer());
            check(tink());
            check(jdk());
        }
        next = 0;
    }

    /**
     * @return the length of ConsentKit's associated data for a cell: {@code "ck/v1"}, four
     *     length-prefixed parts, and the 7-byte header
     */
    static int aadLength(FieldContext context) {
        return 5 + 4 * 4 + context.table().length() + context.column().length() + context.rowKey().length()
                + context.subjectRef().length() + 7;
    }

    private void check(byte[] opened) {
        if (!Arrays.equals(opened, plaintext)) {
            throw new IllegalStateException("round trip did not give the plaintext back");
        }
    }

    private int nextKey() {
        int i = next;
        next = i + 1 == keys ? 0 : i + 1;
        return i;
    }

    /** @return the opened plaintext of a ConsentKit seal and open */
    @Benchmark
    public byte[] fieldSealer() {
        DataKey key = dataKeys[nextKey()];
        FieldCiphertext sealed = sealer.seal(key, Suite.AES_256_GCM, CONTEXT, plaintext);
        return sealer.open(key, CONTEXT, sealed);
    }

    /**
     * @return the opened plaintext of a Tink encrypt and decrypt
     * @throws GeneralSecurityException never, unless Tink fails
     */
    @Benchmark
    public byte[] tink() throws GeneralSecurityException {
        Aead aead = tinkAeads[nextKey()];
        return aead.decrypt(aead.encrypt(plaintext, aad), aad);
    }

    /**
     * @return the opened plaintext of a raw JDK encrypt and decrypt with a fresh random nonce
     * @throws GeneralSecurityException never, unless the JDK fails
     */
    @Benchmark
    public byte[] jdk() throws GeneralSecurityException {
        SecretKeySpec key = jdkKeys[nextKey()];
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        GCMParameterSpec spec = new GCMParameterSpec(128, nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, spec);
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(plaintext);
        cipher.init(Cipher.DECRYPT_MODE, key, spec);
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed);
    }
}
