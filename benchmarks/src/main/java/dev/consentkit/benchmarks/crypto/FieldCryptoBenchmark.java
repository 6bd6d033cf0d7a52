package dev.consentkit.benchmarks.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
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
 * The end-to-end cost of the public API on a 64-byte value, one subject, warm key cache:
 * {@code FieldCrypto.seal} (access policy, key lookup in the cache, AAD, commitment, AES-GCM, {@code ck1.}
 * text form)
 * and {@code FieldCrypto.open} (access policy, consent or legal-basis check, parsing, key commitment,
 * AES-GCM, and one audit record appended to the in-memory hash chain per opening).
 *
 * <p>The kit is rebuilt before every iteration so that the in-memory audit chain, which grows by one
 * record per opening, starts empty each time. Compare with {@code AeadRoundTripBenchmark.fieldSealer}
 * (64 B, 1 key) for the share of the crypto path. Timings are reported, never asserted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FieldCryptoBenchmark {
    private static final String VALUE = Keys.text(64);

    private final Principal manager = Principal.of("olga", Kits.ROLE);
    private final FieldRef ref = Kits.EMAIL.at("100042", SubjectId.of("client-100042"));
    private FieldCrypto crypto;
    private String sealed;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public FieldCryptoBenchmark() {
    }

    /** A fresh kit, the subject's key made and cached by a first seal, and one value sealed to open. */
    @Setup(Level.Iteration)
    public void setUp() {
        crypto = Kits.fieldCrypto();
        sealed = crypto.seal(manager, Kits.ORDERS, ref, VALUE);
        if (!VALUE.equals(crypto.open(manager, Kits.ORDERS, ref, sealed))) {
            throw new IllegalStateException("round trip did not give the value back");
        }
    }

    /** @return the opened value of a seal then an open, through the public API */
    @Benchmark
    public String sealAndOpen() {
        return crypto.open(manager, Kits.ORDERS, ref, crypto.seal(manager, Kits.ORDERS, ref, VALUE));
    }

    /** @return a sealed value, in text form */
    @Benchmark
    public String seal() {
        return crypto.seal(manager, Kits.ORDERS, ref, VALUE);
    }

    /** @return the opened value of a value sealed in setup (policy, basis check, decryption, audit) */
    @Benchmark
    public String open() {
        return crypto.open(manager, Kits.ORDERS, ref, sealed);
    }
}
