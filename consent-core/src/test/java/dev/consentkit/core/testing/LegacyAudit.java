package dev.consentkit.core.testing;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The audit link ConsentKit wrote before schema v4 (link format 1), pinned byte for byte here, so that
 * tests can build the chains an upgraded database holds and show they still verify.
 */
public final class LegacyAudit {
    private LegacyAudit() {
    }

    /**
     * @param key the audit key
     * @param sequence the record's sequence
     * @param e its event
     * @param previous the link before it (64 zeros for the first)
     * @return {@code HMAC(key, previous || canonical("consentkit.audit.v1", sequence, event))} in lower-case hex
     */
    public static String v1Link(HmacKey key, long sequence, AuditEvent e, String previous) {
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
        return HexFormat.of().formatHex(new Hmac(key).mac(previous.getBytes(StandardCharsets.US_ASCII), canonical));
    }
}
