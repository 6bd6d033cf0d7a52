package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the blind-index store holds, read straight from the kit's storage for assertions. */
final class IndexEntries {
    private IndexEntries() {
    }

    /** @return every subject with an entry of {@code index} below {@code version}, in the store's order */
    static List<SubjectId> older(ConsentKit kit, String index, int version) {
        List<SubjectId> all = new ArrayList<>();
        Optional<SubjectId> after = Optional.empty();
        while (true) {
            Optional<SubjectId> cursor = after;
            List<SubjectId> page = KitContext.of(kit).storage().read(tx -> BlindIndexStore.in(tx).olderThan(IndexName.of(index), version, cursor, 1000));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    /** @return the subjects stored with exactly that term in that version of the index */
    static List<SubjectId> stored(ConsentKit kit, String index, int version, String term) {
        return KitContext.of(kit).storage().read(tx -> BlindIndexStore.in(tx).find(IndexName.of(index), version, term));
    }
}
