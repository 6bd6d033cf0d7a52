package dev.consentkit.core.consent;

import dev.consentkit.core.purpose.NoticeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one function from ledger events to current state. Stores apply it on every append; a replay
 * of the whole ledger through it must give the same states (tested for every store).
 *
 * <p>Stateless and thread-safe.
 */
public final class ConsentProjector {
    private ConsentProjector() {
    }

    /**
     * @param current the scope's state before the event, if any
     * @param entry the appended event
     * @return the scope's state after it
     * @throws IllegalArgumentException if {@code current} belongs to another scope
     */
    public static ConsentState apply(Optional<ConsentState> current, LedgerEntry entry) {
        Objects.requireNonNull(current, "current");
        ConsentEvent e = entry.event();
        current.ifPresent(c -> {
            if (!c.scope().equals(e.scope())) {
                throw new IllegalArgumentException("state and event belong to different scopes");
            }
        });
        boolean restricted = current.map(ConsentState::restricted).orElse(false);
        boolean objected = current.map(ConsentState::objected).orElse(false);
        switch (e.kind()) {
            case RESTRICTED, RESTRICTION_LIFTED, OBJECTED, OBJECTION_LIFTED -> {
                restricted = e.kind() == ConsentEvent.Kind.RESTRICTED
                        || (restricted && e.kind() != ConsentEvent.Kind.RESTRICTION_LIFTED);
                objected = e.kind() == ConsentEvent.Kind.OBJECTED
                        || (objected && e.kind() != ConsentEvent.Kind.OBJECTION_LIFTED);
                if (current.isPresent()) {
                    ConsentState c = current.get();
                    return new ConsentState(c.scope(), c.status(), c.since(), c.notice(), c.validUntil(),
                            c.sequence(), restricted, objected);
                }
                return new ConsentState(e.scope(), Optional.empty(), e.occurredAt(), Optional.empty(),
                        Optional.empty(), 0, restricted, objected);
            }
            default -> {
                Optional<NoticeRef> notice = e.notice().isPresent() ? e.notice()
                        : current.flatMap(ConsentState::notice);
                return new ConsentState(e.scope(), e.kind().status(), e.occurredAt(), notice, e.validUntil(),
                        entry.sequence(), restricted, objected);
            }
        }
    }

    /**
     * Replays entries in sequence order.
     *
     * @param entries ledger entries, lowest sequence first
     * @return the state of every scope they touch
     * @throws IllegalArgumentException if the entries are not in increasing sequence order
     */
    public static Map<ConsentScope, ConsentState> replay(Iterable<LedgerEntry> entries) {
        Map<ConsentScope, ConsentState> states = new LinkedHashMap<>();
        long last = 0;
        for (LedgerEntry entry : entries) {
            if (entry.sequence() <= last) {
                throw new IllegalArgumentException("ledger entries out of order at sequence " + entry.sequence());
            }
            last = entry.sequence();
            ConsentScope scope = entry.event().scope();
            states.put(scope, apply(Optional.ofNullable(states.get(scope)), entry));
        }
        return states;
    }
}
