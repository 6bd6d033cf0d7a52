package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The proof parts shared by receipts and histories: the notice shown and the evidence. */
final class ProofCodec {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ProofCodec() {
    }

    static void writeNotice(ObjectNode out, NoticeRef notice) {
        out.put("noticeId", notice.notice().value());
        out.put("version", notice.version().toString());
        out.put("locale", JsonValues.locale(notice.locale()));
        out.put("textSha256", notice.textSha256());
    }

    static NoticeRef readNotice(JsonIn in) {
        NoticeId id = in.text("noticeId", "a notice id", NoticeId::of);
        NoticeVersion version = in.text("version", "a major.minor version", NoticeVersion::parse);
        Locale locale = in.text("locale", "a BCP 47 language tag", JsonValues::parseLocale);
        String hash = in.text("textSha256", "64 lower-case hex characters", ProofCodec::sha256Hex);
        return in.build(() -> new NoticeRef(id, version, locale, hash));
    }

    private static String sha256Hex(String text) {
        if (!SHA256_HEX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return text;
    }

    static void writeEvidence(ObjectNode out, Evidence evidence) {
        out.put("method", evidence.method().name());
        JsonValues.optional(out, "formId", evidence.formId(), v -> v);
        JsonValues.optional(out, "ipHash", evidence.ipHash(), KeyedHash::value);
        JsonValues.optional(out, "userAgentHash", evidence.userAgentHash(), KeyedHash::value);
        ObjectNode actor = out.putObject("recordedBy");
        actor.put("kind", evidence.recordedBy().kind().name());
        JsonValues.optional(actor, "id", evidence.recordedBy().id(), v -> v);
        JsonValues.optional(out, "guardian", evidence.guardian(), v -> v);
        JsonValues.optional(out, "attachmentRef", evidence.attachmentRef(), v -> v);
    }

    static Evidence readEvidence(JsonIn in) {
        CollectionMethod method = in.text("method", "a collection method", CollectionMethod::valueOf);
        Optional<String> formId = in.optText("formId");
        Optional<KeyedHash> ipHash = in.optText("ipHash", "a keyed hash", KeyedHash::new);
        Optional<KeyedHash> userAgentHash = in.optText("userAgentHash", "a keyed hash", KeyedHash::new);
        JsonIn by = in.object("recordedBy");
        Actor.Kind kind = by.text("kind", "an actor kind", Actor.Kind::valueOf);
        Optional<String> actorId = by.optText("id");
        Actor actor = by.build(() -> new Actor(kind, actorId));
        Optional<String> guardian = in.optText("guardian");
        Optional<String> attachmentRef = in.optText("attachmentRef");
        return in.build(() -> new Evidence(method, formId, ipHash, userAgentHash, actor, guardian, attachmentRef));
    }
}
