package dev.consentkit.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) through Bouncy Castle's lightweight API, for deriving a key from
 * a passphrase. Not API.
 *
 * <p>Thread-safe: every derivation uses a fresh generator.
 */
public final class Argon2id {
    /** Smallest salt taken: 16 bytes, as RFC 9106 recommends. */
    public static final int MIN_SALT_BYTES = 16;

    private Argon2id() {
    }

    /**
     * Cost parameters. Bounded so that a damaged or hostile key file cannot make the process allocate
     * more than 4 GiB or run for hours.
     *
     * @param memoryKiB memory in KiB, at least {@code 8 * parallelism}, at most 4 GiB
     * @param iterations passes over memory, 1 to 64
     * @param parallelism lanes, 1 to 16
     */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        /** RFC 9106's second recommended option, with one lane: 64 MiB, 3 passes. */
        public static final Params DEFAULT = new Params(64 * 1024, 3, 1);

        /**
         * @throws IllegalArgumentException if a parameter is out of bounds
         */
        public Params {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2id parallelism must be 1 to 16");
            }
            if (iterations < 1 || iterations > 64) {
                throw new IllegalArgumentException("Argon2id iterations must be 1 to 64");
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("Argon2id memory must be 8 KiB per lane to 4 GiB");
            }
        }
    }

    /**
     * Derives {@code length} bytes from a passphrase, encoded as UTF-8 (the encoded copy is zeroed
     * before returning).
     *
     * @param passphrase not empty; not modified
     * @param salt at least {@value #MIN_SALT_BYTES} bytes
     * @param params cost
     * @param length output length, 16 to 64
     * @return the derived bytes; the caller zeroes them after use
     * @throws IllegalArgumentException if the passphrase is empty or not well-formed UTF-16, or a size is out of range
     * @throws NullPointerException if an argument is null
     */
    public static byte[] derive(char[] passphrase, byte[] salt, Params params, int length) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        Objects.requireNonNull(salt, "salt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("salt must have at least " + MIN_SALT_BYTES + " bytes");
        }
        if (length < 16 || length > 64) {
            throw new IllegalArgumentException("Argon2id output must be 16 to 64 bytes");
        }
        byte[] password = utf8(passphrase);
        try {
            return derive(password, salt, new byte[0], new byte[0], params, length);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The full function, with RFC 9106's optional secret and associated data; for the test vectors. */
    static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] ad, Params params, int length) {
        Objects.requireNonNull(params, "params");
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(ad)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /** UTF-8 without the JDK's silent replacement of lone surrogates, which would merge passphrases. */
    private static byte[] utf8(char[] passphrase) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(passphrase));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase is not well-formed text");
        }
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }
}
