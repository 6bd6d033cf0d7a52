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
        TreeMap<Long, List<AuditCheckpoint>> checkpoints = new TreeMap<>();
        List<AuditCheckpoint> all = new ArrayList<>(store.checkpoints());
        all.addAll(trusted);
        for (AuditCheckpoint c : all) {
            checkpoints.computeIfAbsent(c.sequence(), s -> new ArrayList<>()).add(c);
        }
        String previous = GENESIS;
        long expected = 1;
        long count = 0;
        while (true) {
            List<AuditRecord> page = store.read(expected, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                if (r.sequence() > expected) {
                    return new AuditVerification.Broken(expected, AuditVerification.BreakKind.MISSING);
                }
                if (r.sequence() < expected) {
                    return new AuditVerification.Broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
                }
                if (!constantTimeEquals(link(r.previousLink(), r.sequence(), r.event()), r.link())) {
                    return new AuditVerification.Broken(r.sequence(), AuditVerification.BreakKind.EDITED);
                }
                if (!r.previousLink().equals(previous)) {
                    return new AuditVerification.Broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
                }
                for (AuditCheckpoint c : checkpoints.getOrDefault(r.sequence(), List.of())) {
                    if (!c.link().equals(r.link())) {
                        return new AuditVerification.Broken(r.sequence(), AuditVerification.BreakKind.CHECKPOINT_MISMATCH);
                    }
                }
                previous = r.link();
                expected++;
                count++;
            }
        }
        long head = expected - 1;
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > head) {
            return new AuditVerification.Broken(head + 1, AuditVerification.BreakKind.TRUNCATED);
        }
        return new AuditVerification.Intact(count, head, previous);
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
