package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A subject's {@link ConsentHistory}: every ledger entry in full, so that reading gives back equal
 * events. Each entry also states its DPV status, where its kind sets one, for human readers; it is
 * checked against the kind on reading.
 */
final class HistoryCodec {
    /** Names the layout, so a later one can be told apart. */
    static final String FORMAT = "consentkit-history-v1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryCodec() {
    }

    static ObjectNode write(ConsentHistory history) {
        ObjectNode out = NODES.objectNode();
        out.put("format", FORMAT);
        out.put("subject", history.subject().value());
        ArrayNode entries = out.putArray("entries");
        history.entries().forEach(e -> writeEntry(entries.addObject(), e));
        return out;
    }

    private static void writeEntry(ObjectNode out, LedgerEntry entry) {
        ConsentEvent e = entry.event();
        out.put("sequence", entry.sequence());
        out.put("eventId", e.id().toString());
        out.put("kind", e.kind().name());
        JsonValues.optional(out, "status", e.kind().status(), ConsentStatus::dpvTerm);
        out.put("purposeId", e.scope().purpose().value());
        JsonValues.optional(out, "channel", e.scope().channel(), Channel::code);
        JsonValues.optional(out, "asset", e.scope().asset(), AssetId::value);
        out.put("occurredAt", JsonValues.instant(e.occurredAt()));
        out.put("recordedAt", JsonValues.instant(e.recordedAt()));
        JsonValues.optional(out, "validUntil", e.validUntil(), JsonValues::instant);
        e.notice().ifPresent(n -> ProofCodec.writeNotice(out.putObject("notice"), n));
        ProofCodec.writeEvidence(out.putObject("evidence"), e.evidence());
        JsonValues.optional(out, "idempotencyKey", e.idempotencyKey(), IdempotencyKey::value);
        out.put("requestDigest", e.requestDigest());
    }

    static ConsentHistory read(JsonIn in) {
        if (!FORMAT.equals(in.text("format"))) {
            throw in.invalid("format", "\"" + FORMAT + "\"");
        }
        SubjectId subject = in.text("subject", "a subject id", SubjectId::of);
        List<LedgerEntry> entries = new ArrayList<>();
        for (JsonIn entry : in.objects("entries")) {
            entries.add(readEntry(entry, subject));
        }
        return in.build(() -> new ConsentHistory(subject, entries));
    }

    private static LedgerEntry readEntry(JsonIn in, SubjectId subject) {
        long sequence = in.integer("sequence");
        if (sequence <= 0) {
            throw in.invalid("sequence", "a positive integer");
        }
        UUID id = in.text("eventId", "a UUID", JsonValues::parseUuid);
        ConsentEvent.Kind kind = in.text("kind", "an event kind", ConsentEvent.Kind::valueOf);
        Optional<ConsentStatus> status = in.optText("status", "a DPV consent status", JsonValues::parseStatus);
        if (!status.equals(kind.status())) {
            throw in.invalid("status", kind.status().isPresent() ? "the DPV status of the kind" : "no status for this kind");
        }
        PurposeId purpose = in.text("purposeId", "a purpose id", PurposeId::of);
        Optional<Channel> channel = in.optText("channel", "a channel code", Channel::of);
        Optional<AssetId> asset = in.optText("asset", "an asset id", AssetId::of);
        Instant occurredAt = in.text("occurredAt", "an ISO-8601 instant", Instant::parse);
        Instant recordedAt = in.text("recordedAt", "an ISO-8601 instant", Instant::parse);
        Optional<Instant> validUntil = in.optText("validUntil", "an ISO-8601 instant", Instant::parse);
        Optional<NoticeRef> notice = in.optObject("notice").map(ProofCodec::readNotice);
        Evidence evidence = ProofCodec.readEvidence(in.object("evidence"));
        Optional<IdempotencyKey> key = in.optText("idempotencyKey", "an idempotency key", IdempotencyKey::of);
        String digest = in.text("requestDigest");
        ConsentScope scope = new ConsentScope(subject, purpose, channel, asset);
        ConsentEvent event = in.build(() -> new ConsentEvent(id, scope, kind, occurredAt, recordedAt, notice,
                evidence, validUntil, key, digest));
        return new LedgerEntry(sequence, event);
    }
}
