package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.crypto.internal.Hkdf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The byte strings around a data-key row: the wrap context its key is wrapped with (per format), the
 * canonical encoding its authenticator covers, and the derivation of the secret that authenticates
 * rows from a master key's material. Every variable-length part is length-prefixed, so no two rows
 * encode alike. Stateless.
 */
final class KeyRows {
    /** NIST SP 800-38D §8.3: AES-GCM with random 96-bit nonces, at most 2^32 uses of one key. */
    static final long AES_GCM_WRAP_LIMIT = 1L << 32;
    /** The smallest RSA modulus for a key pair that wraps new data keys (NIST SP 800-57 Part 1 Rev. 5: 128-bit security). */
    static final int RSA_RECOMMENDED_BITS = 3072;
    private static final byte[] CONTEXT_V1 = ascii("ck/v1/dek");
    private static final byte[] CONTEXT_V2 = ascii("ck/v2/dek");
    private static final byte[] ROW = ascii("ck/v2/key-row");

    private KeyRows() {
    }

    /**
     * @return the context a key of that row was wrapped with
     * @throws DecryptionException if the format is unknown
     */
    static byte[] wrapContext(WrappedKey row) {
        return switch (row.format()) {
            case WrappedKey.FORMAT_V1 -> contextV1(row.subjectRef(), row.group().value(), row.version());
            case WrappedKey.FORMAT_V2 -> contextV2(row.subjectRef(), row.group().value(), row.version(), row.keyId(), row.kekId().value());
            default -> throw new DecryptionException();
        };
    }

    /** Format 1, for keys stored before schema version 4: subject, group, version. */
    static byte[] contextV1(KeyedHash subjectRef, String group, int version) {
        byte[] a = ascii(subjectRef.value());
        byte[] g = ascii(group);
        return ByteBuffer.allocate(CONTEXT_V1.length + 4 + a.length + 4 + g.length + 4)
                .put(CONTEXT_V1).putInt(a.length).put(a).putInt(g.length).put(g).putInt(version).array();
    }

    /** Format 2: also the key id and the KEK's id, so a wrapped key opens only in its own row. */
    static byte[] contextV2(KeyedHash subjectRef, String group, int version, int keyId, String kekId) {
        byte[] a = ascii(subjectRef.value());
        byte[] g = ascii(group);
        byte[] k = kekId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(CONTEXT_V2.length + 4 + a.length + 4 + g.length + 4 + 4 + 4 + k.length)
                .put(CONTEXT_V2).putInt(a.length).put(a).putInt(g.length).put(g).putInt(version).putInt(keyId)
                .putInt(k.length).put(k).array();
    }

    /** What a row's authenticator covers: every column but the authenticator itself. */
    static byte[] authenticated(WrappedKey row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + row.wrapped().length);
        out.writeBytes(ROW);
        part(out, ascii(row.subjectRef().value()));
        part(out, ascii(row.group().value()));
        out.writeBytes(ByteBuffer.allocate(4 + 4).putInt(row.version()).putInt(row.keyId()).array());
        part(out, row.kekId().value().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(4 + 8).putInt(row.format()).putLong(micros(row.createdAt())).array());
        part(out, row.wrapped());
        return out.toByteArray();
    }

    /**
     * @param material a master key's secret material (a local master key; an RSA private exponent)
     * @param kind what the material is, for domain separation
     * @return the 32-byte secret that authenticates key rows wrapped under that master key
     */
    static byte[] rowSecret(byte[] material, String kind) {
        return Hkdf.sha256(material, new byte[0], ascii("ck/v2/key-row-secret/" + kind), 32);
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static void part(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
