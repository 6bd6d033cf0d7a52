package dev.consentkit.core.memory;

import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The raw reads of an {@link InMemoryStorage}'s ledger and projection ports: scans (in memory the stored
 * form is the domain value's). Guarded by the storage's lock.
 */
final class InMemoryIntegrity {
    private final Runnable checkOpen;
    private final Supplier<List<LedgerEntry>> ledger;
    private final Supplier<List<ConsentState>> projection;

    InMemoryIntegrity(Runnable checkOpen, Supplier<List<LedgerEntry>> ledger, Supplier<List<ConsentState>> projection) {
        this.checkOpen = checkOpen;
        this.ledger = ledger;
        this.projection = projection;
    }

    List<StoredLedgerRow> rows(long afterSequence, int limit) {
        checkOpen.run();
        checkLimit(limit);
        return ledger.get().stream().filter(e -> e.sequence() > afterSequence).limit(limit).map(StoredLedgerRow::of)
                .toList();
    }

    List<StoredLedgerRow> rowsAt(Collection<Long> sequences) {
        checkOpen.run();
        Set<Long> wanted = new HashSet<>(sequences);
        return ledger.get().stream().filter(e -> wanted.contains(e.sequence())).map(StoredLedgerRow::of).toList();
    }

    List<String> subjects(Optional<String> after, int limit) {
        checkOpen.run();
        checkLimit(limit);
        TreeSet<String> subjects = new TreeSet<>();
        ledger.get().forEach(e -> subjects.add(e.event().scope().subject().value()));
        return (after.isPresent() ? subjects.tailSet(after.get(), false) : subjects).stream().limit(limit).toList();
    }

    List<StoredLedgerRow> rowsOf(Collection<String> subjects) {
        checkOpen.run();
        Set<String> wanted = new HashSet<>(subjects);
        return ledger.get().stream().filter(e -> wanted.contains(e.event().scope().subject().value()))
                .map(StoredLedgerRow::of).toList();
    }

    List<StoredProjectionRow> projectionRowsOf(Collection<String> subjects) {
        checkOpen.run();
        Set<String> wanted = new HashSet<>(subjects);
        return projection.get().stream().filter(s -> wanted.contains(s.scope().subject().value()))
                .map(StoredProjectionRow::of).toList();
    }

    List<String> orphans(Optional<String> after, int limit) {
        checkOpen.run();
        checkLimit(limit);
        Set<String> withLedger = new HashSet<>();
        ledger.get().forEach(e -> withLedger.add(e.event().scope().subject().value()));
        TreeSet<String> orphans = new TreeSet<>();
        projection.get().forEach(s -> {
            if (!withLedger.contains(s.scope().subject().value())) {
                orphans.add(s.scope().subject().value());
            }
        });
        return (after.isPresent() ? orphans.tailSet(after.get(), false) : orphans).stream().limit(limit).toList();
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
