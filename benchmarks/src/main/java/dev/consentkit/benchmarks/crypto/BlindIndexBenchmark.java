package dev.consentkit.benchmarks.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.Normalizer;
import dev.consentkit.crypto.internal.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A blind-index search for an e-mail address, against the raw JDK:
 *
 * <ul>
 *   <li>{@code find}: {@code FieldCrypto.find(principal, purpose, index, value)}, the public search
 *       path: the access-policy check (SEARCH), the term (normalise, look up the per-index key derived
 *       with HKDF on first use, then cached, HMAC-SHA256, truncate to the index's bits, base64url), the
 *       in-memory index lookup, and one audit record ({@code index.searched}) per search. The kit is
 *       rebuilt before every iteration so that the in-memory audit chain starts empty. (Until issue 12
 *       this measured the term alone, {@code FieldCrypto.term}, which is no longer public: a term is
 *       only good for a search, and {@code find} is the checked, audited way to search.);</li>
 *   <li>{@code jdkHmac}: a cached JDK {@code HmacSHA256}, keyed once, over the same normalised bytes:
 *       the limit;</li>
 *   <li>{@code jdkHmacWithInit}: the same with {@code Mac.init} per call, as {@code HmacSha256} does;</li>
 *   <li>{@code indexKeyDerivation}: the HKDF-SHA256 derivation of the per-index key alone, which
 *       {@code term} does once per index.</li>
 * </ul>
 *
 * <p>Timings are reported, never asserted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class BlindIndexBenchmark {
    private static final BlindIndex INDEX = Kits.EMAIL_INDEX;
    private static final SubjectId ANNA = SubjectId.of("client-100042");
    private static final String VALUE = "Anna.Karenina@Example.org";

    private final Principal manager = Principal.of("olga", Kits.ROLE);
    private FieldCrypto crypto;
    private byte[] normalised;
    private byte[] indexRoot;
    private byte[] indexInfo;
    private byte[] indexKey;
    private SecretKeySpec indexKeySpec;
    private Mac keyedMac;
    private Mac mac;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public BlindIndexBenchmark() {
    }

    /** A fresh kit (its audit chain empty), with the one subject indexed, found by a first search. */
    @Setup(Level.Iteration)
    public void freshKit() {
        crypto = Kits.fieldCrypto();
        crypto.index(manager, Kits.ORDERS, INDEX, ANNA, VALUE);
        if (!find().contains(ANNA)) {
            throw new IllegalStateException("the indexed subject was not found");
        }
    }

    /**
     * Builds the JDK MACs under the same per-index key.
     *
     * @throws GeneralSecurityException if the JDK refuses
     */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        normalised = Normalizer.EMAIL.normalize(VALUE).getBytes(StandardCharsets.UTF_8);
        indexRoot = Keys.bytes(4, 32);
        // the label of an index at normaliser version 2 or later ends in its version
        indexInfo = ("ck/v1/bidx/" + INDEX.name().value() + (INDEX.version() == 1 ? "" : "/n" + INDEX.version()))
                .getBytes(StandardCharsets.UTF_8);
        indexKey = Hkdf.sha256(indexRoot, new byte[0], indexInfo, 32);
        indexKeySpec = new SecretKeySpec(indexKey, "HmacSHA256");
        keyedMac = Mac.getInstance("HmacSHA256", "SunJCE");
        keyedMac.init(indexKeySpec);
        mac = Mac.getInstance("HmacSHA256", "SunJCE");
    }

    /** @return the candidates for the value, through the public API */
    @Benchmark
    public List<SubjectId> find() {
        return crypto.find(manager, Kits.ORDERS, INDEX, VALUE);
    }

    /** @return the untruncated HMAC of the normalised value under a cached, keyed JDK {@code Mac} */
    @Benchmark
    public byte[] jdkHmac() {
        return keyedMac.doFinal(normalised);
    }

    /**
     * @return the untruncated HMAC of the normalised value, keying the JDK {@code Mac} per call
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public byte[] jdkHmacWithInit() throws GeneralSecurityException {
        mac.init(new SecretKeySpec(indexKey, "HmacSHA256"));
        return mac.doFinal(normalised);
    }

    /** @return the per-index key, derived as {@code find} derives it on first use */
    @Benchmark
    public byte[] indexKeyDerivation() {
        return Hkdf.sha256(indexRoot, new byte[0], indexInfo, 32);
    }
}
