package dev.consentkit.benchmarks.crypto;

import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldCiphertext;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import dev.consentkit.crypto.internal.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the time of one 64-byte AES-256-GCM seal and open goes, one key, warm: the whole
 * {@code FieldSealer.seal} and {@code open}, and the parts measured alone: the random nonce, the
 * {@code AesGcm.seal} primitive (fresh nonce, byte-array API), making a {@link FieldContext} (what
 * {@code FieldCrypto} does per call: checks and encodes the cell into the AAD prefix), and the
 * per-key derivation of encryption key and commitment that a {@link DataKey} does once, on first
 * use (two HKDF-SHA256, here through the public {@code Hkdf}).
 *
 * <p>Timings are reported, never asserted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SealBreakdownBenchmark {
    private static final int KEY_ID = 0x1000;
    private static final byte[] ENC_INFO = info("ck/v1/enc");
    private static final byte[] COMMIT_INFO = info("ck/v1/commit");

    private final FieldSealer sealer = new FieldSealer();
    private final SecureRandom random = new SecureRandom();
    private final FieldContext context = AeadRoundTripBenchmark.CONTEXT;
    private byte[] plaintext;
    private byte[] dek;
    private DataKey key;
    private byte[] aad;
    private FieldCiphertext sealed;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public SealBreakdownBenchmark() {
    }

    /** Prepares the inputs and checks that a seal opens. */
    @Setup(Level.Trial)
    public void setUp() {
        plaintext = Keys.text(64).getBytes(StandardCharsets.US_ASCII);
        dek = Keys.bytes(0, DataKey.BYTES);
        key = DataKey.of(KEY_ID, dek);
        aad = Keys.bytes(-1, AeadRoundTripBenchmark.aadLength(context));
        sealed = sealer.seal(key, Suite.AES_256_GCM, context, plaintext);
        if (!Arrays.equals(sealer.open(key, context, sealed), plaintext)) {
            throw new IllegalStateException("round trip did not give the plaintext back");
        }
    }

    private static byte[] info(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] info = Arrays.copyOf(bytes, bytes.length + 1);
        info[bytes.length] = 0x01;
        return info;
    }

    /** @return the whole seal, as {@code AeadRoundTripBenchmark.fieldSealer} does before opening */
    @Benchmark
    public Object seal() {
        return sealer.seal(key, Suite.AES_256_GCM, context, plaintext);
    }

    /** @return the whole open of one sealed value */
    @Benchmark
    public byte[] open() {
        return sealer.open(key, context, sealed);
    }

    /** @return a fresh 12-byte nonce from a {@link SecureRandom} */
    @Benchmark
    public byte[] nonce() {
        byte[] n = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(n);
        return n;
    }

    /** @return a cell's context, checked and encoded, as {@code FieldCrypto} makes one per seal and open */
    @Benchmark
    public FieldContext context() {
        return new FieldContext(context.table(), context.column(), context.rowKey(), context.subjectRef());
    }

    /** @return the once-per-key work: encryption key and commitment, two HKDF-SHA256 of the data key */
    @Benchmark
    public byte[] perKeyDerivation() {
        byte[] enc = Hkdf.sha256(dek, new byte[0], ENC_INFO, 32);
        byte[] commitment = Hkdf.sha256(dek, new byte[0], COMMIT_INFO, 16);
        enc[0] ^= commitment[0];
        return enc;
    }

    /** @return {@code AesGcm.seal} alone (byte-array API, new key object), fresh nonce */
    @Benchmark
    public byte[] aesGcmSeal() {
        byte[] n = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(n);
        return AesGcm.seal(dek, n, aad, plaintext);
    }
}
