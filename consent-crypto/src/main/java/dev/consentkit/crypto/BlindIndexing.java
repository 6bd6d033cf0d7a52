package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.internal.Utf8;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.crypto.internal.Hkdf;
import dev.consentkit.crypto.internal.HmacSha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blind indexes of a {@link FieldCrypto}: the indexes declared to it, index values (terms),
 * writing a subject's entry, searching, and removing entries with shredded key groups.
 * {@code FieldCrypto} checks the principal and audits, then delegates here; {@link ReindexJob} uses
 * this directly. Nothing here checks access: callers do.
 *
 * <p>Keys: {@code HKDF(root, "ck/v1/bidx/" || name)} for a single-value index and
 * {@code HKDF(root, "ck/v1/bidx-compound/" || name)} for a compound one at version 1, as before
 * versions existed, so entries written then are found with version 1; from version 2 on the label
 * ends in {@code "/n" || version}. A search asks every version from 1 to the index's, each with the
 * term computed for it: entries of a version the index has not yet been moved from keep answering.
 *
 * <p>Thread-safe: the derived keys are cached in a concurrent map (a handful of indexes).
 */
final class BlindIndexing {
    private final ConsentKit kit;
    private final byte[] root;
    private final Map<IndexName, IndexSpec> declared;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /**
     * @param kit the kit whose storage holds the entries
     * @param root the blind-index root key
     * @param declared the indexes declared to the {@code FieldCrypto}, their fields checked against
     *     its declared fields ({@link FieldCrypto.Builder#build})
     */
    BlindIndexing(ConsentKit kit, byte[] root, Collection<IndexSpec> declared) {
        this.kit = kit;
        this.root = root.clone();
        Map<IndexName, IndexSpec> byName = new LinkedHashMap<>();
        declared.forEach(spec -> byName.put(spec.name(), spec));
        this.declared = Map.copyOf(byName);
    }

    /**
     * @return the declared index {@code spec} is
     * @throws IllegalArgumentException if no index of that name is declared, or the one declared under
     *     that name differs (another size, normaliser or field)
     */
    IndexSpec declared(IndexSpec spec) {
        IndexSpec found = declared.get(spec.name());
        if (found == null) {
            throw new IllegalArgumentException("no blind index " + spec.name() + " is declared: declare it with"
                    + " FieldCrypto.builder(kit).blindIndex(index)");
        }
        if (!found.equals(spec)) {
            throw new IllegalArgumentException("blind index " + spec.name() + " differs from the one declared under that name");
        }
        return found;
    }

    /**
     * @return the index value of {@code values} at the index's version
     * @throws IllegalArgumentException if the values do not fit the index or do not normalise
     */
    String term(IndexSpec spec, String... values) {
        return term(spec, spec.version(), values);
    }

    /**
     * @param version 1 to the index's version
     * @return the index value of {@code values} at that version
     * @throws IllegalArgumentException if the values do not fit the index, are not well-formed UTF-16
     *     ({@code "a\uD800"} would otherwise index like {@code "a?"}) or do not normalise; never echoed
     */
    String term(IndexSpec spec, int version, String... values) {
        Objects.requireNonNull(values, "values");
        for (String v : values) {
            Utf8.requireWellFormed(Objects.requireNonNull(v, "value"), "an indexed value");
        }
        if (values.length != spec.parts().size()) {
            throw new IllegalArgumentException((spec.compound() ? "compound blind index " : "blind index ")
                    + spec.name() + " takes " + spec.parts().size() + " value(s), got " + values.length);
        }
        byte[] key = key(spec, version);
        if (!spec.compound()) {
            String normalised = spec.normalizer(0, version).normalize(Objects.requireNonNull(values[0], "value"));
            return truncated(key, spec.bits(), normalised.getBytes(StandardCharsets.UTF_8));
        }
        byte[][] message = new byte[values.length * 2][];
        for (int i = 0; i < values.length; i++) {
            byte[] normalised = spec.normalizer(i, version).normalize(Objects.requireNonNull(values[i], "value"))
                    .getBytes(StandardCharsets.UTF_8);
            message[2 * i] = ByteBuffer.allocate(4).putInt(normalised.length).array();
            message[2 * i + 1] = normalised;
        }
        return truncated(key, spec.bits(), message);
    }

    /**
     * Replaces the subject's entries of a declared index (every version) by one entry at the index's
     * version.
     *
     * @throws IllegalArgumentException if the values do not fit the index or do not normalise;
     *     nothing is stored then
     */
    void index(IndexSpec spec, SubjectId subject, String... values) {
        Objects.requireNonNull(subject, "subject");
        BlindIndexEntry entry = entry(spec, subject, term(spec, values));
        KitContext.of(kit).storage().inTransaction(tx -> {
            BlindIndexStore.in(tx).remove(spec.name(), subject);
            BlindIndexStore.in(tx).put(entry);
            return null;
        });
    }

    /**
     * @return the subjects whose entry, in any version up to the index's, may hold {@code values}
     * @throws IllegalArgumentException if the values do not normalise at the index's version
     */
    List<SubjectId> find(IndexSpec spec, String... values) {
        Map<Integer, String> terms = new LinkedHashMap<>();
        terms.put(spec.version(), term(spec, values));
        for (int v = spec.version() - 1; v >= 1; v--) {
            try {
                terms.put(v, term(spec, v, values));
            } catch (IllegalArgumentException refusedThen) {
                // a value the old normaliser refused was never stored under it: nothing to find there
            }
        }
        return KitContext.of(kit).storage().read(tx -> {
            LinkedHashSet<SubjectId> found = new LinkedHashSet<>();
            terms.forEach((version, term) -> found.addAll(BlindIndexStore.in(tx).find(spec.name(), version, term)));
            return List.copyOf(found);
        });
    }

    /**
     * What shredding takes with the keys, in the same unit of work: every entry of the subject when
     * every group goes ({@code groups} empty), else the entries of those groups (and any entry not
     * yet attributed to a group).
     *
     * @return how many entries were removed
     */
    static int removeShredded(StorageTransaction tx, SubjectId subject, List<KeyGroup> groups) {
        return groups.isEmpty() ? BlindIndexStore.in(tx).removeSubject(subject) : BlindIndexStore.in(tx).removeGroups(subject, groups);
    }

    /** @return the entry of {@code term} for the subject at the index's version, attributed to its group and field */
    static BlindIndexEntry entry(IndexSpec spec, SubjectId subject, String term) {
        return new BlindIndexEntry(spec.name(), spec.version(), term, subject, spec.group(), spec.field());
    }

    private byte[] key(IndexSpec spec, int version) {
        String label = (spec.compound() ? "ck/v1/bidx-compound/" : "ck/v1/bidx/") + spec.name().value()
                + (version == 1 ? "" : "/n" + version);
        return keys.computeIfAbsent(label, l -> Hkdf.sha256(root, new byte[0], l.getBytes(StandardCharsets.UTF_8), 32));
    }

    private static String truncated(byte[] key, int bits, byte[]... message) {
        int bytes = (bits + 7) / 8;
        byte[] mac = HmacSha256.truncated(key, bytes, message);
        int spare = bytes * 8 - bits;
        mac[bytes - 1] &= (byte) (0xFF << spare);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
