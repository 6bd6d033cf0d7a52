package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link BlindIndexing} needs of a {@link BlindIndex} or {@link CompoundBlindIndex}: its name,
 * size, version, the key group and field(s) its entries are attributed to, and each part's field and
 * normaliser. Immutable.
 *
 * @param compound whether the index is a compound one (its key and message are built apart)
 * @param name the index name
 * @param bits the bits kept
 * @param parts the field and normaliser of each part, in order; one for a single-value index
 */
record IndexSpec(boolean compound, IndexName name, int bits, List<CompoundBlindIndex.Part> parts) {
    IndexSpec {
        parts = List.copyOf(parts);
    }

    /** @return the version new entries are written with: the highest version among the parts' normalisers */
    int version() {
        return parts.stream().mapToInt(p -> p.normalizer().version()).max().orElseThrow();
    }

    /** @return the key group of the indexed field(s) */
    KeyGroup group() {
        return parts.get(0).field().group();
    }

    /** @return the indexed field(s), as {@link BlindIndexEntry#field()} records them */
    String field() {
        return parts.stream().map(p -> p.field().toString()).distinct().collect(Collectors.joining("+"));
    }

    /**
     * @param version a version from 1 to {@link #version()}
     * @return part {@code i}'s normaliser as it was at that version (a part never runs ahead of its own version)
     */
    Normalizer normalizer(int i, int version) {
        Normalizer n = parts.get(i).normalizer();
        return n.atVersion(Math.min(version, n.version()));
    }
}
