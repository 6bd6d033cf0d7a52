package dev.consentkit.core.memory;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.VerifiedPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The audit entries, chain, checkpoints and verified point of an {@link InMemoryStorage}. Guarded by
 * the storage's lock (writers run one at a time, so the sequencer's lock is always free); changes are
 * undone through the unit of work's undo log.
 */
final class InMemoryAudit {
    private final TreeMap<Long, StoredAuditRow> pending = new TreeMap<>();
    private final List<StoredAuditRow> chain = new ArrayList<>();
    private final Map<Long, Integer> chainIndexByEntry = new HashMap<>();
    private final List<AuditCheckpoint> checkpoints = new ArrayList<>();
    private VerifiedPoint verifiedPoint;
    private long nextEntryId = 1;

    /** @return every pending entry and every linked record (for the integrity reads) */
    List<StoredAuditRow> all() {
        List<StoredAuditRow> all = new ArrayList<>(chain);
        all.addAll(pending.values());
        return all;
    }

    /**
     * @param checkOpen throws if the unit of work has ended
     * @param checkWritable throws if the unit may not write
     * @param undo takes the action that undoes a change
     * @return the store of one unit of work
     */
    AuditStore view(Runnable checkOpen, Runnable checkWritable, Consumer<Runnable> undo) {
        return new AuditStore() {
            @Override
            public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
                checkWritable.run();
                long id = nextEntryId;
                StoredAuditRow row = StoredAuditRow.pending(id, event, ledger, mac);
                nextEntryId++;
                pending.put(id, row);
                // like a database sequence, an id a rolled-back unit used is not given again
                undo.accept(() -> pending.remove(id));
                return id;
            }

            @Override
            public boolean lockSequencer(boolean wait) {
                checkWritable.run();
                return true;
            }

            @Override
            public Optional<StoredAuditRow> head() {
                checkOpen.run();
                return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
            }

            @Override
            public List<StoredAuditRow> pending(int limit) {
                checkOpen.run();
                checkLimit(limit);
                return pending.values().stream().limit(limit).toList();
            }

            @Override
            public void link(List<StoredAuditRow> linked) {
                checkWritable.run();
                int before = chain.size();
                for (StoredAuditRow r : linked) {
                    if (r.sequence() != chain.size() + 1L || !pending.containsKey(r.entryId())) {
                        rollBack(before);
                        throw new ConcurrentUpdateException("audit sequence " + r.sequence()
                                + " does not follow the head, or its entry is not pending", null);
                    }
                    chain.add(r);
                    chainIndexByEntry.put(r.entryId(), chain.size() - 1);
                }
                List<StoredAuditRow> moved = new ArrayList<>();
                for (StoredAuditRow r : linked) {
                    moved.add(pending.remove(r.entryId()));
                }
                undo.accept(() -> {
                    rollBack(before);
                    moved.forEach(p -> pending.put(p.entryId(), p));
                });
            }

            private void rollBack(int size) {
                while (chain.size() > size) {
                    chainIndexByEntry.remove(chain.remove(chain.size() - 1).entryId());
                }
            }

            @Override
            public List<StoredAuditRow> read(long fromSequence, int limit) {
                checkOpen.run();
                checkLimit(limit);
                int from = (int) Math.min(Math.max(fromSequence, 1) - 1, chain.size());
                return List.copyOf(chain.subList(from, (int) Math.min(chain.size(), (long) from + limit)));
            }

            @Override
            public List<StoredAuditRow> entries(Collection<Long> entryIds) {
                checkOpen.run();
                Set<Long> wanted = new HashSet<>(entryIds);
                return chain.stream().filter(r -> wanted.contains(r.entryId())).toList();
            }

            @Override
            public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
                checkOpen.run();
                checkLimit(limit);
                return all().stream()
                        .filter(r -> r.ledgerSequence().isPresent() && r.ledgerSequence().getAsLong() >= fromLedgerSequence
                                && r.ledgerSequence().getAsLong() <= toLedgerSequence)
                        .sorted(Comparator.comparingLong((StoredAuditRow r) -> r.ledgerSequence().getAsLong())
                                .thenComparingLong(StoredAuditRow::entryId))
                        .limit(limit).toList();
            }

            @Override
            public void saveMark(AuditMark mark) {
                checkWritable.run();
                Objects.requireNonNull(mark, "mark");
                if (mark instanceof AuditMark.Checkpoint c) {
                    checkpoints.add(c.checkpoint());
                    undo.accept(() -> checkpoints.remove(checkpoints.size() - 1));
                } else if (mark instanceof VerifiedPoint point) {
                    VerifiedPoint before = verifiedPoint;
                    verifiedPoint = point;
                    undo.accept(() -> verifiedPoint = before);
                } else {
                    throw new IllegalArgumentException("the legacy ledger boundary is set by a schema upgrade, never saved");
                }
            }

            @Override
            public List<AuditMark> marks() {
                checkOpen.run();
                List<AuditMark> marks = new ArrayList<>();
                checkpoints.forEach(c -> marks.add(new AuditMark.Checkpoint(c)));
                if (verifiedPoint != null) {
                    marks.add(verifiedPoint);
                }
                return List.copyOf(marks);
            }
        };
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
