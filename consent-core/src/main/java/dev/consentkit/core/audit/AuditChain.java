package dev.consentkit.core.audit;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.internal.Hmac;
import dev.consentkit.core.spi.AuditStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Links audit events into an HMAC chain under the host's audit key, and verifies a stored chain.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditChain {
    /** The previous link of the first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1_000;
    private static final HexFormat HEX = HexFormat.of();
    private final Hmac hmac;

    /**
     * @param auditKey the host's audit key
     */
    public AuditChain(HmacKey auditKey) {
        this.hmac = new Hmac(Objects.requireNonNull(auditKey, "auditKey"));
    }

    /**
     * @param head the current head, empty for an empty chain
     * @param event the event to append
     * @return the record that follows the head
     */
    public AuditRecord next(Optional<AuditRecord> head, AuditEvent event) {
        long sequence = head.map(h -> h.sequence() + 1).orElse(1L);
        String previous = head.map(AuditRecord::link).orElse(GENESIS);
        return new AuditRecord(sequence, event, previous, link(previous, sequence, event));
    }

    /**
     * Verifies every record of a store, page by page, and each checkpoint against it.
     *
     * @param store the store
     * @param trusted checkpoints kept outside the store, checked with the store's own
     * @return {@link AuditVerification.Intact}, or the first broken link
     */
    public AuditVerification verify(AuditStore store, Collection<AuditCheckpoint> trusted) {
        List<AuditCheckpoint> all = new ArrayList<>(store.checkpoints());
        all.addAll(trusted);
        Verifier verifier = new Verifier(all);
        long next = 1;
        while (true) {
            List<AuditRecord> page = store.read(next, PAGE);
            if (page.isEmpty()) {
                return verifier.finish();
            }
            for (AuditRecord r : page) {
                Optional<AuditVerification.Broken> broken = verifier.accept(r);
                if (broken.isPresent()) {
                    return broken.get();
                }
            }
            next = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /**
     * Verifies a copy of the chain taken out of the store (an export, a backup, a dump).
     *
     * @param records the records, in the order they were read (by sequence)
     * @param checkpoints checkpoints to hold the copy against
     * @return {@link AuditVerification.Intact}, or the first broken link
     */
    public AuditVerification verify(List<AuditRecord> records, Collection<AuditCheckpoint> checkpoints) {
        Verifier verifier = new Verifier(List.copyOf(checkpoints));
        for (AuditRecord r : records) {
            Optional<AuditVerification.Broken> broken = verifier.accept(r);
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return verifier.finish();
    }

    /** Walks the records in order, remembering the last good link. Not thread-safe. */
    private final class Verifier {
        private final TreeMap<Long, List<AuditCheckpoint>> checkpoints = new TreeMap<>();
        private String previous = GENESIS;
        private long expected = 1;

        Verifier(List<AuditCheckpoint> all) {
            for (AuditCheckpoint c : all) {
                checkpoints.computeIfAbsent(c.sequence(), s -> new ArrayList<>()).add(c);
            }
        }

        Optional<AuditVerification.Broken> accept(AuditRecord r) {
            if (r.sequence() > expected) {
                return broken(expected, AuditVerification.BreakKind.MISSING);
            }
            if (r.sequence() < expected) {
                return broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
            }
            if (!constantTimeEquals(link(r.previousLink(), r.sequence(), r.event()), r.link())) {
                return broken(r.sequence(), AuditVerification.BreakKind.EDITED);
            }
            if (!r.previousLink().equals(previous)) {
                return broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
            }
            for (AuditCheckpoint c : checkpoints.getOrDefault(r.sequence(), List.of())) {
                if (!c.link().equals(r.link())) {
                    return broken(r.sequence(), AuditVerification.BreakKind.CHECKPOINT_MISMATCH);
                }
            }
            previous = r.link();
            expected++;
            return Optional.empty();
        }

        AuditVerification finish() {
            long head = expected - 1;
            if (!checkpoints.isEmpty() && checkpoints.lastKey() > head) {
                return new AuditVerification.Broken(head + 1, AuditVerification.BreakKind.TRUNCATED);
            }
            return new AuditVerification.Intact(head, head, previous);
        }

        private Optional<AuditVerification.Broken> broken(long sequence, AuditVerification.BreakKind kind) {
            return Optional.of(new AuditVerification.Broken(sequence, kind));
        }
    }

    private String link(String previous, long sequence, AuditEvent e) {
        byte[] canonical = new Canonical("consentkit.audit.v1")
                .add(sequence)
                .add(e.time().toString())
                .add(e.actor().kind().name())
                .add(e.actor().id().orElse(null))
                .add(e.action().code())
                .add(e.subjectRef().map(KeyedHash::value).orElse(null))
                .add(e.purpose().map(PurposeId::value).orElse(null))
                .add(e.outcome().name())
                .add(e.reference().orElse(null))
                .bytes();
        return HEX.formatHex(hmac.mac(previous.getBytes(StandardCharsets.US_ASCII), canonical));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
