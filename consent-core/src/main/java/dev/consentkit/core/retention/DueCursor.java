package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks one policy's due items a page at a time, each page read set-based (one query), the cursor
 * kept here so items a hold blocks are not read again. Not thread-safe; one per policy and run.
 */
final class DueCursor {
    /**
     * Month arithmetic is not reversible (31 January + 1 month = 28 February, 28 February - 1 month =
     * 28 January): the query asks for anchors up to this much later and each is then checked exactly.
     */
    private static final Duration SLACK = Duration.ofDays(4);
    private final RetentionPolicy policy;
    private final Optional<RetentionTarget> target;
    private final Instant now;
    private final Instant upTo;
    private final int pageSize;
    private Optional<RetentionAnchor.Key> after = Optional.empty();
    private List<RetentionAnchor> withdrawals;
    private int withdrawalIndex;
    private boolean done;

    DueCursor(RetentionPolicy policy, Optional<RetentionTarget> target, Instant now, int pageSize) {
        this.policy = policy;
        this.target = target;
        this.now = now;
        this.upTo = now.atZone(ZoneOffset.UTC).minus(policy.period()).toInstant().plus(SLACK);
        this.pageSize = pageSize;
    }

    /** @return whether every page was read */
    boolean done() {
        return done;
    }

    /**
     * @param tx a unit of work to read in
     * @return the next page's due items (possibly empty while more pages follow)
     */
    List<DueItem> next(StorageTransaction tx) {
        if (done) {
            return List.of();
        }
        List<RetentionAnchor> raw = switch (policy.trigger()) {
            case SINCE_WITHDRAWAL -> withdrawalPage(tx);
            case SINCE_COLLECTION -> target.orElseThrow().collectedUpTo(upTo, after, pageSize);
            default -> RetentionStore.in(tx).dueEvents(policy.id(), policy.anchorEvent().orElseThrow(), upTo, after, pageSize);
        };
        if (raw.size() < pageSize) {
            done = true;
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        after = Optional.of(raw.get(raw.size() - 1).key());
        List<RetentionAnchor> candidates = raw.stream().filter(a -> !policy.dueAt(a.at()).isAfter(now)).toList();
        if (policy.anchorEvent().isEmpty() && !candidates.isEmpty()) {
            // event anchors come back without the disposed ones; others are checked against the markers
            Set<RetentionAnchor.Key> disposed = RetentionStore.in(tx).disposed(policy.id(), candidates);
            candidates = candidates.stream().filter(a -> !disposed.contains(a.key())).toList();
        }
        return candidates.stream().map(a -> new DueItem(policy, a, policy.dueAt(a.at()))).toList();
    }

    /**
     * The subjects whose consent to the purpose is withdrawn or revoked with no valid consent left,
     * anchored at the latest withdrawal: read in one scan of the purpose's projection, then paged here.
     */
    private List<RetentionAnchor> withdrawalPage(StorageTransaction tx) {
        if (withdrawals == null) {
            Map<SubjectId, Instant> latest = new TreeMap<>(Comparator.comparing(SubjectId::value));
            Set<SubjectId> stillValid = new HashSet<>();
            tx.projection().forPurpose(policy.purpose(), (ConsentState s) -> {
                SubjectId subject = s.scope().subject();
                ConsentStatus status = s.status().orElse(null);
                if (status == null) {
                    return;
                }
                if (status.isValid()) {
                    stillValid.add(subject);
                } else if (status == ConsentStatus.WITHDRAWN || status == ConsentStatus.REVOKED) {
                    latest.merge(subject, s.since(), (a, b) -> a.isAfter(b) ? a : b);
                }
            });
            withdrawals = new ArrayList<>();
            latest.forEach((subject, at) -> {
                if (!stillValid.contains(subject) && !at.isAfter(upTo)) {
                    withdrawals.add(new RetentionAnchor(subject, "", at));
                }
            });
        }
        int from = withdrawalIndex;
        withdrawalIndex = Math.min(withdrawals.size(), from + pageSize);
        return withdrawals.subList(from, withdrawalIndex);
    }
}
