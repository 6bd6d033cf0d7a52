package dev.consentkit.core.spi.protection;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link FieldProtector} encrypts and how, for the register of processing, the privacy policy
 * and the compliance report. Contains no key material.
 *
 * @param suite the cipher suite new values are sealed with, e.g. {@code "AES-256-GCM"}
 * @param keyHierarchy a short description of the keys, e.g. {@code "per-subject 256-bit data keys wrapped by a master key"}
 * @param fields the protected fields
 * @param masterKeys the master keys (key-encryption keys) the protector holds, as far as it can tell;
 *     empty if it cannot (a host's KMS)
 */
public record ProtectionProfile(String suite, String keyHierarchy, List<Field> fields, List<MasterKey> masterKeys) {
    /** Checks for nulls and copies the lists. */
    public ProtectionProfile {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(keyHierarchy, "keyHierarchy");
        fields = List.copyOf(fields);
        masterKeys = List.copyOf(masterKeys);
    }

    /**
     * A profile that describes no master key.
     *
     * @param suite the cipher suite new values are sealed with
     * @param keyHierarchy a short description of the keys
     * @param fields the protected fields
     */
    public ProtectionProfile(String suite, String keyHierarchy, List<Field> fields) {
        this(suite, keyHierarchy, fields, List.of());
    }

    /**
     * One encrypted column.
     *
     * @param table the host's table
     * @param column the host's column
     * @param category the data category id of the catalogue
     * @param group the key group (a subject's key per group; shredding a group erases its fields)
     */
    public record Field(String table, String column, CategoryId category, KeyGroup group) {
        /** Checks for nulls. */
        public Field {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * One master key (key-encryption key): how it wraps data keys and how far it may be used.
     *
     * @param kekId its id, as stored beside every data key it wraps
     * @param algorithm how it wraps, e.g. {@code "AES-256-GCM"} or {@code "RSA-OAEP-SHA256"}
     * @param bits its size in bits
     * @param recommendedBits the smallest size recommended today for new keys of its algorithm
     * @param wrapLimit how many data keys it may wrap in all (a random-nonce bound), or empty if its
     *     algorithm has none
     * @param current whether it wraps new data keys
     */
    public record MasterKey(KekId kekId, String algorithm, int bits, int recommendedBits, OptionalLong wrapLimit,
                            boolean current) {
        /**
         * @throws IllegalArgumentException if a size or the limit is not positive, or the algorithm is blank
         */
        public MasterKey {
            Objects.requireNonNull(kekId, "kekId");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(wrapLimit, "wrapLimit");
            if (algorithm.isBlank() || bits <= 0 || recommendedBits <= 0) {
                throw new IllegalArgumentException("master key " + kekId + " needs an algorithm and positive sizes");
            }
            if (wrapLimit.isPresent() && wrapLimit.getAsLong() <= 0) {
                throw new IllegalArgumentException("master key " + kekId + ": wrap limit must be positive");
            }
        }
    }
}
