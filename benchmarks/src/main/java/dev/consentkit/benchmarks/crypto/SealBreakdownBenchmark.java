package dev.consentkit.benchmarks.crypto;

import dev.consentkit.crypto.Suite;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import dev.consentkit.crypto.internal.Hkdf;
import dev.consentkit.crypto.internal.HmacSha256;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
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
 * Where the time of one 64-byte AES-256-GCM seal goes, one key, warm: the whole
 * {@code FieldSealer.seal}, and its parts measured alone: the random nonce, the associated data, the
 * key commitment (and its two halves, the HKDF-SHA256 commit-key derivation and the truncated
 * HMAC-SHA256), and the AES-GCM encryption with a fresh nonce.
 *
 * <p>{@code KeyCommitment} and {@code Aad} are package-private in {@code dev.consentkit.crypto.internal};
 * on the class path they are reached by reflection, once, through a constant {@link MethodHandle}.
 * Should that fail (a module path, a security manager), an equivalent computation from the public
 * {@code Hkdf} and {@code HmacSha256} is measured instead; setup checks both give the same bytes when
 * both are available. Timings are reported, never asserted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SealBreakdownBenchmark {
    private static final byte[] COMMIT_LABEL = "ck/v1/commit".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_ID = 0x1000;
    private static final MethodHandle COMMITMENT = internal("KeyCommitment", "compute",
            MethodType.methodType(byte[].class, Suite.class, byte[].class, byte[].class, byte[].class, byte[].class),
            "commitment");
    private static final MethodHandle AAD = internal("Aad", "of",
            MethodType.methodType(byte[].class, FieldContext.class, byte[].class), "aad");

    private final FieldSealer sealer = new FieldSealer();
    private final SecureRandom random = new SecureRandom();
    private final FieldContext context = AeadRoundTripBenchmark.CONTEXT;
    private byte[] plaintext;
    private byte[] dek;
    private DataKey key;
    private byte[] header;
    private byte[] aad;
    private byte[] nonce;
    private byte[] commitKey;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public SealBreakdownBenchmark() {
    }

    /**
     * Prepares the inputs and checks the stand-ins against ConsentKit's own code.
     *
     * @throws Throwable if a method handle fails
     */
    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        plaintext = Keys.text(64).getBytes(StandardCharsets.US_ASCII);
        dek = Keys.bytes(0, DataKey.BYTES);
        key = DataKey.of(KEY_ID, dek);
        header = ByteBuffer.allocate(7).put((byte) 0x01).put((byte) 0x01).put((byte) 0x02).putInt(KEY_ID).array();
        aad = (byte[]) AAD.invokeExact(context, header);
        nonce = Keys.bytes(5, AesGcm.NONCE_BYTES);
        commitKey = Hkdf.sha256(dek, nonce, commitInfo(), 32);
        if (!Arrays.equals(aad, aad(context, header))
                || !Arrays.equals((byte[]) COMMITMENT.invokeExact(Suite.AES_256_GCM, dek, nonce, header, aad),
                        commitment(Suite.AES_256_GCM, dek, nonce, header, aad))) {
            throw new IllegalStateException("the stand-in computations differ from ConsentKit's");
        }
    }

    /** @return the whole seal, as {@code AeadRoundTripBenchmark.fieldSealer} does before opening */
    @Benchmark
    public Object seal() {
        return sealer.seal(key, Suite.AES_256_GCM, context, plaintext);
    }

    /** @return a fresh 12-byte nonce from a {@link SecureRandom} */
    @Benchmark
    public byte[] nonce() {
        byte[] n = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(n);
        return n;
    }

    /**
     * @return the associated data of the cell and header
     * @throws Throwable never
     */
    @Benchmark
    public byte[] associatedData() throws Throwable {
        return (byte[]) AAD.invokeExact(context, header);
    }

    /**
     * @return the key commitment: HKDF commit key, then truncated HMAC over header and AAD
     * @throws Throwable never
     */
    @Benchmark
    public byte[] keyCommitment() throws Throwable {
        return (byte[]) COMMITMENT.invokeExact(Suite.AES_256_GCM, dek, nonce, header, aad);
    }

    /** @return the commit key alone: HKDF-SHA256 of the data key, salted with the nonce */
    @Benchmark
    public byte[] commitmentHkdf() {
        return Hkdf.sha256(dek, nonce, commitInfo(), 32);
    }

    /** @return the commitment MAC alone: HMAC-SHA256 over header and AAD, truncated to 16 bytes */
    @Benchmark
    public byte[] commitmentHmac() {
        return HmacSha256.truncated(commitKey, 16, header, aad);
    }

    /** @return AES-256-GCM encryption of the plaintext with the AAD, under a fresh random nonce */
    @Benchmark
    public byte[] aesGcmSeal() {
        byte[] n = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(n);
        return AesGcm.seal(dek, n, aad, plaintext);
    }

    private static byte[] commitInfo() {
        byte[] info = Arrays.copyOf(COMMIT_LABEL, COMMIT_LABEL.length + 1);
        info[COMMIT_LABEL.length] = 0x01;
        return info;
    }

    /** The same as {@code KeyCommitment.compute}, from the public primitives. */
    static byte[] commitment(Suite suite, byte[] dek, byte[] nonce, byte[] header, byte[] aad) {
        byte[] info = Arrays.copyOf(COMMIT_LABEL, COMMIT_LABEL.length + 1);
        info[COMMIT_LABEL.length] = (byte) (suite == Suite.AES_256_GCM ? 0x01 : 0x03);
        return HmacSha256.truncated(Hkdf.sha256(dek, nonce, info, 32), 16, header, aad);
    }

    /** The same as {@code Aad.of}: label, four length-prefixed UTF-8 parts, header. */
    static byte[] aad(FieldContext context, byte[] header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes("ck/v1".getBytes(StandardCharsets.US_ASCII));
        for (String part : new String[] {context.table(), context.column(), context.rowKey(), context.subjectRef()}) {
            byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
            out.writeBytes(utf8);
        }
        out.writeBytes(header);
        return out.toByteArray();
    }

    /** ConsentKit's package-private method if reachable, else the stand-in of the same type in this class. */
    private static MethodHandle internal(String type, String name, MethodType signature, String standIn) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            Method method = Class.forName("dev.consentkit.crypto.internal." + type)
                    .getDeclaredMethod(name, signature.parameterArray());
            method.setAccessible(true);
            return lookup.unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                return lookup.findStatic(SealBreakdownBenchmark.class, standIn, signature);
            } catch (ReflectiveOperationException f) {
                throw new IllegalStateException(f);
            }
        }
    }
}
