package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link ConsentReceipt} as Kantara Consent Receipt v1.1.0 JSON, field names as the specification
 * spells them, with ConsentKit's additions in one {@code consentKit} object. Kantara fields derived
 * from others ({@code consentTimestamp}, {@code collectionMethod}, {@code sensitive},
 * {@code thirdPartyDisclosure}) are checked against them on reading.
 */
final class ReceiptCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReceiptCodec() {
    }

    static ObjectNode write(ConsentReceipt r) {
        ObjectNode out = NODES.objectNode();
        out.put("version", r.version());
        out.put("jurisdiction", r.jurisdiction());
        out.put("consentTimestamp", r.consentTimestamp().getEpochSecond());
        out.put("collectionMethod", r.collectionMethod().name());
        out.put("consentReceiptID", r.consentReceiptId().toString());
        out.put("language", JsonValues.locale(r.language()));
        out.put("piiPrincipalId", r.piiPrincipalId().value());
        ArrayNode controllers = out.putArray("piiControllers");
        r.piiControllers().forEach(c -> writeController(controllers.addObject(), c));
        JsonValues.optional(out, "policyUrl", r.policyUrl(), URI::toString);
        ArrayNode services = out.putArray("services");
        for (ConsentReceipt.Service s : r.services()) {
            ObjectNode service = services.addObject();
            service.put("service", s.service());
            ArrayNode purposes = service.putArray("purposes");
            s.purposes().forEach(p -> writePurpose(purposes.addObject(), p));
        }
        out.put("sensitive", r.sensitive());
        JsonValues.texts(out, "spiCat", r.spiCat());
        writeOurs(out.putObject("consentKit"), r);
        return out;
    }

    private static void writeController(ObjectNode out, Controller c) {
        out.put("piiController", c.name());
        out.put("contact", c.contact());
        // Kantara's address is structured; the catalogue keeps one line, carried as streetAddress.
        c.address().ifPresent(a -> out.putObject("address").put("streetAddress", a));
        JsonValues.optional(out, "email", c.email(), v -> v);
        JsonValues.optional(out, "piiControllerUrl", c.url(), URI::toString);
    }

    private static void writePurpose(ObjectNode out, ConsentReceipt.ServicePurpose p) {
        out.put("purpose", p.purpose());
        JsonValues.texts(out, "purposeCategory", p.purposeCategory());
        out.put("consentType", p.consentType().name());
        JsonValues.texts(out, "piiCategory", p.piiCategory());
        out.put("primaryPurpose", p.primaryPurpose());
        JsonValues.optional(out, "termination", p.termination(), v -> v);
        out.put("thirdPartyDisclosure", p.thirdPartyDisclosure());
        JsonValues.optional(out, "thirdPartyName", p.thirdPartyName(), v -> v);
    }

    private static void writeOurs(ObjectNode out, ConsentReceipt r) {
        out.put("purposeId", r.scope().purpose().value());
        JsonValues.optional(out, "channel", r.scope().channel(), Channel::code);
        JsonValues.optional(out, "asset", r.scope().asset(), AssetId::value);
        out.put("status", r.status().dpvTerm());
        out.put("occurredAt", JsonValues.instant(r.occurredAt()));
        out.put("recordedAt", JsonValues.instant(r.recordedAt()));
        JsonValues.optional(out, "validUntil", r.validUntil(), JsonValues::instant);
        r.notice().ifPresent(n -> ProofCodec.writeNotice(out.putObject("notice"), n));
        ProofCodec.writeEvidence(out.putObject("evidence"), r.evidence());
    }

    static ConsentReceipt read(JsonIn in) {
        String version = in.text("version");
        if (!ConsentReceipt.VERSION.equals(version)) {
            throw in.invalid("version", "\"" + ConsentReceipt.VERSION + "\"");
        }
        String jurisdiction = in.text("jurisdiction", "an ISO 3166 alpha-2 code", ReceiptCodec::countryCode);
        long consentTimestamp = in.integer("consentTimestamp");
        String collectionMethod = in.text("collectionMethod");
        UUID id = in.text("consentReceiptID", "a UUID", JsonValues::parseUuid);
        Locale language = in.text("language", "an ISO 639 language code", ReceiptCodec::language);
        SubjectId subject = in.text("piiPrincipalId", "a subject id", SubjectId::of);
        List<Controller> controllers = new ArrayList<>();
        for (JsonIn c : in.objects("piiControllers")) {
            controllers.add(readController(c));
        }
        Optional<URI> policyUrl = in.optText("policyUrl", "a URI", URI::create);
        List<ConsentReceipt.Service> services = new ArrayList<>();
        for (JsonIn s : in.objects("services")) {
            String name = s.text("service");
            List<ConsentReceipt.ServicePurpose> purposes = new ArrayList<>();
            for (JsonIn p : s.objects("purposes")) {
                purposes.add(readPurpose(p));
            }
            services.add(s.build(() -> new ConsentReceipt.Service(name, purposes)));
        }
        boolean sensitive = in.bool("sensitive");
        List<String> spiCat = in.texts("spiCat");
        if (sensitive == spiCat.isEmpty()) {
            throw in.invalid("sensitive", "true exactly when spiCat is not empty");
        }
        JsonIn ours = in.object("consentKit");
        PurposeId purpose = ours.text("purposeId", "a purpose id", PurposeId::of);
        Optional<Channel> channel = ours.optText("channel", "a channel code", Channel::of);
        Optional<AssetId> asset = ours.optText("asset", "an asset id", AssetId::of);
        ConsentStatus status = ours.text("status", "a DPV consent status", JsonValues::parseStatus);
        Instant occurredAt = ours.text("occurredAt", "an ISO-8601 instant", Instant::parse);
        Instant recordedAt = ours.text("recordedAt", "an ISO-8601 instant", Instant::parse);
        Optional<Instant> validUntil = ours.optText("validUntil", "an ISO-8601 instant", Instant::parse);
        Optional<NoticeRef> notice = ours.optObject("notice").map(ProofCodec::readNotice);
        Evidence evidence = ProofCodec.readEvidence(ours.object("evidence"));
        ConsentScope scope = new ConsentScope(subject, purpose, channel, asset);
        ConsentReceipt receipt = in.build(() -> new ConsentReceipt(id, jurisdiction, language, controllers,
                policyUrl, services, spiCat, scope, status, occurredAt, recordedAt, validUntil, notice, evidence));
        if (receipt.consentTimestamp().getEpochSecond() != consentTimestamp) {
            throw in.invalid("consentTimestamp", "the epoch second of consentKit.occurredAt");
        }
        if (!receipt.collectionMethod().name().equals(collectionMethod)) {
            throw in.invalid("collectionMethod", "the method of consentKit.evidence");
        }
        return receipt;
    }

    private static Controller readController(JsonIn in) {
        String name = in.text("piiController");
        String contact = in.text("contact");
        Optional<String> address = in.optObject("address").map(a -> a.text("streetAddress"));
        Optional<String> email = in.optText("email");
        Optional<URI> url = in.optText("piiControllerUrl", "a URI", URI::create);
        return in.build(() -> new Controller(name, contact, email, address, url));
    }

    private static ConsentReceipt.ServicePurpose readPurpose(JsonIn in) {
        String purpose = in.text("purpose");
        List<String> categories = in.texts("purposeCategory");
        ConsentType type = in.text("consentType", "IMPLIED, EXPRESSED or EXPLICIT", ConsentType::valueOf);
        List<String> piiCategory = in.texts("piiCategory");
        boolean primary = in.bool("primaryPurpose");
        Optional<String> termination = in.optText("termination");
        boolean disclosure = in.bool("thirdPartyDisclosure");
        Optional<String> thirdParty = in.optText("thirdPartyName");
        if (disclosure != thirdParty.isPresent()) {
            throw in.invalid("thirdPartyDisclosure", "true exactly when thirdPartyName is present");
        }
        return in.build(() -> new ConsentReceipt.ServicePurpose(purpose, categories, type, piiCategory, primary,
                termination, thirdParty));
    }

    private static String countryCode(String text) {
        if (!text.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("not an ISO 3166 alpha-2 code");
        }
        return text;
    }

    private static Locale language(String text) {
        Locale locale = JsonValues.parseLocale(text);
        if (!locale.equals(Locale.forLanguageTag(locale.getLanguage()))) {
            throw new IllegalArgumentException("not a bare language");
        }
        return locale;
    }
}
