package dev.consentkit.core.transparency;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.EventName;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestDeadline;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.FieldProtector;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the documents a client reads from what the kit already knows, so they cannot drift from
 * what the software does: the privacy policy, the consent form of each purpose (checkbox or 152-FZ
 * written consent), the receipt after consent is given or withdrawn, and notes on what changed
 * between catalogue versions; in Russian and English (or any language the host adds templates and
 * wording for), as Markdown or HTML with every value escaped.
 *
 * <pre>{@code
 * Transparency docs = Transparency.builder(kit).locales(RU, EN).build();   // after FieldCrypto.builder(kit)...build()
 * Document policy = docs.policy(RU, Format.HTML);
 * ProcessingCatalog published = docs.publishForms("2.0", ConsentForm.Variant.CHECKBOX, Format.HTML);
 * // build the kit on `published`; show docs.consentForm(NEWSLETTER, RU, Format.HTML).text(), then
 * kit.consent(client, NEWSLETTER).notice("2.0", RU).evidence(...).give();   // pins that text's SHA-256
 * Document receipt = docs.receipt(kit.receipt(entry), Format.MARKDOWN);
 * }</pre>
 *
 * <p>{@link Builder#build()} checks everything once: every template compiles against its fields,
 * every purpose and category has its texts in every language, the catalogue says how to withdraw and
 * how to make a request, and every consent form of every purpose, language and format passes
 * {@link ConsentFormValidator}. Immutable and thread-safe.
 */
public final class Transparency {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ProcessingCatalog catalog;
    private final Jurisdiction jurisdiction;
    private final Optional<AccessPolicy> accessPolicy;
    private final Optional<ProtectionProfile> protection;
    private final List<Locale> locales;
    private final Map<String, Wording> wording;
    private final Map<String, Template> templates;

    private Transparency(Builder b, Map<String, Wording> wording, Map<String, Template> templates) {
        this.catalog = b.catalog;
        this.jurisdiction = b.jurisdiction;
        this.accessPolicy = Optional.ofNullable(b.accessPolicy);
        this.protection = Optional.ofNullable(b.protection);
        this.locales = List.copyOf(b.locales);
        this.wording = Map.copyOf(wording);
        this.templates = Map.copyOf(templates);
    }

    /**
     * Starts a generator on a kit: the documents state the kit's catalogue, jurisdiction and access
     * policy, and what the kit's field protector ({@code FieldCrypto}) encrypts, as they are when
     * {@link Builder#build()} runs. This is the only way to build one, so a document never states a
     * policy, law or protection other than the one the kit enforces.
     *
     * @param kit a kit
     * @return a builder
     * @throws NullPointerException if {@code kit} is null
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /** @return the languages documents are written in */
    public List<Locale> locales() {
        return locales;
    }

    /**
     * The privacy policy: who the controller is, what is collected and why (per purpose), on which
     * basis, how long it is kept, who receives it, how it is protected, the client's rights with the
     * deadlines of the jurisdiction, how to withdraw consent and how to make a request.
     *
     * @param locale one of {@link #locales()}
     * @param format the format
     * @return the policy
     * @throws IllegalArgumentException if the language was not configured
     */
    public Document policy(Locale locale, Format format) {
        Wording w = wording(locale);
        return new Document(locale, format, template(Templates.Kind.POLICY, locale, format).render(policyModel(locale, w), format));
    }

    /**
     * The checkbox consent form of one purpose, validated.
     *
     * @param purpose a consent purpose
     * @param locale one of {@link #locales()}
     * @param format the format
     * @return the form
     * @see #consentForm(PurposeId, Locale, Format, ConsentForm.Variant)
     */
    public ConsentForm consentForm(PurposeId purpose, Locale locale, Format format) {
        return consentForm(purpose, locale, format, ConsentForm.Variant.CHECKBOX);
    }

    /**
     * The consent form of one purpose: the consent sentence in the seed's words ("I agree to the
     * processing of my details ..."), what is collected, by whom, for how long, the link to the policy
     * and how to withdraw; the written variant adds every element of 152-FZ Art. 9 part 4 with blanks
     * for the client's identity and signature.
     *
     * @param purpose a consent purpose
     * @param locale one of {@link #locales()}
     * @param format the format
     * @param variant checkbox or written consent
     * @return the form, validated
     * @throws IllegalArgumentException if the purpose is not based on consent or the language was not configured
     * @throws IllegalStateException if the catalogue lacks what the written consent needs
     * @throws InvalidConsentFormException if the (host's) template leaves out a required element
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public ConsentForm consentForm(PurposeId purpose, Locale locale, Format format, ConsentForm.Variant variant) {
        Purpose p = catalog.require(purpose);
        if (!p.needsConsent()) {
            throw new IllegalArgumentException("purpose " + purpose + " is based on " + p.basis() + ": it has no consent form");
        }
        Wording w = wording(locale);
        Map<FormElement, String> elements = new EnumMap<>(FormElement.class);
        Model m = formModel(p, locale, w, variant, elements);
        Templates.Kind kind = variant == ConsentForm.Variant.WRITTEN ? Templates.Kind.WRITTEN_CONSENT : Templates.Kind.CONSENT_FORM;
        String text = template(kind, locale, format).render(m, format);
        return ConsentFormValidator.check(new ConsentForm(List.of(purpose), variant, locale, format, text, elements));
    }

    /**
     * The purpose's notice with one more version whose text, in every configured language, is exactly
     * the rendered consent form: the text shown and the text a Given event pins are the same bytes.
     * Asking again for a version that already holds the same texts returns the notice unchanged.
     * The texts are keyed by the configured locales: name the same locale when recording consent
     * ({@code kit.consent(...).notice(version, locale)}), or the kit refuses an unknown language.
     *
     * @param purpose a consent purpose
     * @param version the new version, e.g. {@code "2.0"} (a new major when the terms changed, see {@link ChangeNotes})
     * @param variant checkbox or written consent
     * @param format the format shown
     * @return the notice
     * @throws IllegalArgumentException if the version exists with other texts, is not above the current
     *                                  one, or the purpose shares its notice with another purpose
     */
    public Notice formNotice(PurposeId purpose, String version, ConsentForm.Variant variant, Format format) {
        Purpose p = catalog.require(purpose);
        if (!p.needsConsent()) {
            throw new IllegalArgumentException("purpose " + purpose + " is based on " + p.basis() + ": it has no notice");
        }
        NoticeId id = p.notice().orElseThrow();
        for (Purpose other : catalog.purposes()) {
            if (!other.id().equals(purpose) && other.notice().equals(p.notice())) {
                throw new IllegalArgumentException("notice " + id + " is shared by purposes " + purpose + " and "
                        + other.id() + ": a consent form covers one purpose (M5)");
            }
        }
        Notice notice = catalog.notice(id).orElseThrow();
        NoticeVersion v = NoticeVersion.parse(version);
        LocalizedText texts = null;
        for (Locale l : locales) {
            String text = consentForm(purpose, l, format, variant).text();
            texts = texts == null ? LocalizedText.of(l, text) : texts.and(l, text);
        }
        Optional<LocalizedText> existing = notice.text(v);
        if (existing.isPresent()) {
            if (existing.get().equals(texts)) {
                return notice;
            }
            throw new IllegalArgumentException("notice " + id + " already has version " + v
                    + " with other texts: publish the form as a new version");
        }
        if (v.compareTo(notice.current()) < 0) {
            throw new IllegalArgumentException("notice " + id + " version " + v + " is below the current " + notice.current());
        }
        Notice.Builder b = Notice.builder(id);
        notice.texts().forEach((ver, text) -> b.version(ver.toString(), text));
        return b.version(v.toString(), texts).build();
    }

    /**
     * The catalogue with every consent purpose's notice given a version that is its rendered form
     * ({@link #formNotice}); build the kit on it so consents pin the forms' hashes.
     *
     * @param version the new version of every consent notice
     * @param variant checkbox or written consent
     * @param format the format shown
     * @return the new catalogue
     */
    public ProcessingCatalog publishForms(String version, ConsentForm.Variant variant, Format format) {
        ProcessingCatalog result = catalog;
        for (Purpose p : catalog.purposes()) {
            if (p.needsConsent()) {
                result = result.withNotice(formNotice(p.id(), version, variant, format));
            }
        }
        return result;
    }

    /**
     * The client's receipt after a consent event: what was agreed (or withdrawn), when, until when,
     * how to withdraw and the receipt id, in the language the consent was given in. It sits beside
     * the Kantara JSON receipt ({@code ConsentJson.writeReceipt}) with the same id.
     *
     * @param receipt from {@code kit.receipt(entry)}
     * @param format the format
     * @return the receipt
     * @throws IllegalArgumentException if the receipt's language was not configured
     */
    public Document receipt(ConsentReceipt receipt, Format format) {
        return receipt(receipt, receipt.language(), format);
    }

    /**
     * Like {@link #receipt(ConsentReceipt, Format)}, in a language the host chooses: a withdrawal
     * answers no notice, so its Kantara receipt carries the catalogue's default language.
     *
     * @param receipt from {@code kit.receipt(entry)}
     * @param language the client's language, one of {@link #locales()}
     * @param format the format
     * @return the receipt
     * @throws IllegalArgumentException if the language was not configured
     */
    public Document receipt(ConsentReceipt receipt, Locale language, Format format) {
        Objects.requireNonNull(receipt, "receipt");
        Locale locale = locale(language);
        Wording w = wording(locale);
        Purpose p = catalog.require(receipt.scope().purpose());
        Schema s = schema(Templates.Kind.RECEIPT);
        ConsentStatus status = receipt.status();
        Model m = new Model(s)
                .text("receiptId", receipt.consentReceiptId().toString())
                .text("purposeName", text(p.name(), locale, "name of purpose " + p.id()))
                .text("phrase", phrase(p, locale))
                .flag("given", status.isValid())
                .flag("withdrawn", status == ConsentStatus.WITHDRAWN || status == ConsentStatus.REVOKED)
                .flag("other", !status.isValid() && status != ConsentStatus.WITHDRAWN && status != ConsentStatus.REVOKED)
                .text("status", w.get("status." + status.name()))
                .text("occurredAt", TIME.format(receipt.occurredAt()))
                .text("validUntil", receipt.validUntil().map(TIME::format).orElse(null))
                .text("channel", receipt.scope().channel().map(c -> w.optional("channel." + c.code(), c.code())).orElse(null))
                .text("asset", receipt.scope().asset().map(a -> a.value()).orElse(null))
                .text("noticeVersion", receipt.notice().map(n -> n.version().toString()).orElse(null))
                .text("noticeSha256", receipt.notice().map(n -> n.textSha256()).orElse(null))
                .text("controller", catalog.controller().name())
                .text("data", data(p, locale))
                .text("withdrawal", withdrawal(w))
                .text("policyUrl", catalog.policyUrl().map(URI::toString).orElse(null));
        return new Document(locale, format, template(Templates.Kind.RECEIPT, locale, format).render(m, format));
    }

    /**
     * What changed for the client between two catalogue versions, in plain words, saying whether
     * they will be asked to consent again. Texts come from the new catalogue (the old one for
     * removed purposes); this generator's own catalogue is not consulted.
     *
     * @param notes the changes
     * @param locale one of {@link #locales()}
     * @param format the format
     * @return the notes
     */
    public Document changeNotes(ChangeNotes notes, Locale locale, Format format) {
        Objects.requireNonNull(notes, "notes");
        Wording w = wording(locale);
        Schema s = schema(Templates.Kind.CHANGE_NOTES);
        List<Model> changes = new ArrayList<>();
        for (ChangeNotes.Change c : notes.changes()) {
            Purpose p = c.purpose().map(id -> notes.after().purpose(id).orElseGet(() -> notes.before().require(id))).orElse(null);
            String purposeName = p == null ? "" : text(p.name(), locale, "name of purpose " + p.id());
            String detail = c.detail().map(d -> switch (c.kind()) {
                case CATEGORY_ADDED -> categoryName(notes.after(), d, locale);
                case CATEGORY_REMOVED -> categoryName(notes.before(), d, locale);
                default -> d;
            }).orElse("");
            String basis = p == null ? "" : w.get("basis." + p.basis().name());
            String retention = p == null ? "" : p.retention().map(r -> retention(r, w)).orElse(w.get("retention.none"));
            String line = w.format("change." + c.kind().name(), "purpose", purposeName, "detail", detail,
                    "basis", basis, "retention", retention, "controller", notes.after().controller().name());
            changes.add(new Model(s.field("changes").orElseThrow().item()).text("text", line).flag("major", c.major()));
        }
        List<Model> reconsent = new ArrayList<>();
        for (PurposeId id : notes.reconsentNeeded()) {
            reconsent.add(new Model(s.field("reconsent").orElseThrow().item())
                    .text("name", text(notes.after().require(id).name(), locale, "name of purpose " + id)));
        }
        Model m = new Model(s)
                .text("controller", notes.after().controller().name())
                .flag("major", notes.isMajor())
                .list("changes", changes)
                .list("reconsent", reconsent)
                .flag("reconsentNeeded", !reconsent.isEmpty());
        return new Document(locale, format, template(Templates.Kind.CHANGE_NOTES, locale, format).render(m, format));
    }

    @Override
    public String toString() {
        return "Transparency[" + catalog + ", " + jurisdiction.id() + ", " + locales + "]";
    }

    // ---------------------------------------------------------------- models

    private Model policyModel(Locale locale, Wording w) {
        Schema s = schema(Templates.Kind.POLICY);
        Controller c = catalog.controller();
        Schema ps = s.field("purposes").orElseThrow().item();
        List<Model> purposes = new ArrayList<>();
        List<Model> consentPurposes = new ArrayList<>();
        for (Purpose p : catalog.purposes()) {
            String name = text(p.name(), locale, "name of purpose " + p.id());
            List<Model> categories = new ArrayList<>();
            for (DataCategory dc : categories(p)) {
                categories.add(new Model(ps.field("categories").orElseThrow().item())
                        .text("category", text(dc.name(), locale, "name of data category " + dc.id()))
                        .flag("sensitive", dc.sensitive()));
            }
            List<Model> recipients = new ArrayList<>();
            for (Recipient r : p.recipients()) {
                recipients.add(new Model(ps.field("recipients").orElseThrow().item())
                        .text("recipient", r.name())
                        .text("role", w.get("role." + r.role().name()))
                        .text("country", r.country().orElse(null)));
            }
            purposes.add(new Model(ps)
                    .text("name", name)
                    .text("description", text(p.description(), locale, "plain-language description of purpose " + p.id()))
                    .text("basis", w.get("basis." + p.basis().name()))
                    .text("basisExplained", w.get("basis." + p.basis().name() + ".explained"))
                    .flag("consent", p.needsConsent())
                    .list("categories", categories)
                    .text("retention", retention(p.retention().orElseThrow(), w))
                    .list("recipients", recipients));
            if (p.needsConsent()) {
                consentPurposes.add(new Model(s.field("consentPurposes").orElseThrow().item()).text("name", name));
            }
        }
        List<Model> encrypted = new ArrayList<>();
        protection.ifPresent(profile -> profile.fields().stream()
                .map(f -> catalog.category(f.category()).map(dc -> text(dc.name(), locale, "name of data category " + dc.id()))
                        .orElse(f.category().value()))
                .collect(Collectors.toCollection(TreeSet::new))
                .forEach(n -> encrypted.add(new Model(s.field("encrypted").orElseThrow().item()).text("category", n))));
        List<Model> access = new ArrayList<>();
        accessPolicy.ifPresent(policy -> policy.grants().forEach(g -> access.add(new Model(s.field("access").orElseThrow().item())
                .text("role", g.role())
                .text("categories", w.join(new TreeSet<>(g.categories()).stream()
                        .map(id -> text(catalog.category(id).orElseThrow().name(), locale, "name of data category " + id))
                        .collect(Collectors.toList())))
                .text("purposes", w.join(catalog.purposes().stream().filter(p -> g.purposes().contains(p.id()))
                        .map(p -> text(p.name(), locale, "name of purpose " + p.id())).collect(Collectors.toList()))))));
        List<Model> rights = new ArrayList<>();
        for (RequestType t : RequestType.values()) {
            RequestDeadline d = jurisdiction.deadline(t);
            rights.add(new Model(s.field("rights").orElseThrow().item())
                    .text("right", w.get("right." + t.name()))
                    .text("what", w.get("right." + t.name() + ".what"))
                    .text("deadline", period(d.answerWithin(), w))
                    .text("extension", d.extension().map(e -> period(e, w)).orElse(null)));
        }
        return new Model(s)
                .text("controller", c.name())
                .text("controllerContact", c.contact())
                .text("controllerEmail", c.email().orElse(null))
                .text("controllerAddress", c.address().orElse(null))
                .text("controllerUrl", c.url().map(URI::toString).orElse(null))
                .text("policyUrl", catalog.policyUrl().map(URI::toString).orElse(null))
                .text("dpoName", catalog.dataProtectionOfficer().map(o -> o.name()).orElse(null))
                .text("dpoEmail", catalog.dataProtectionOfficer().flatMap(o -> o.email()).orElse(null))
                .text("dpoPhone", catalog.dataProtectionOfficer().flatMap(o -> o.phone()).orElse(null))
                .text("law", w.optional("law." + jurisdiction.id(), jurisdiction.id()))
                .list("purposes", purposes)
                .list("consentPurposes", consentPurposes)
                .list("encrypted", encrypted)
                // no claim about encryption unless the protector declares protected fields
                .text("suite", encrypted.isEmpty() ? null : protection.map(ProtectionProfile::suite).orElse(null))
                .text("keyHierarchy", encrypted.isEmpty() ? null : protection.map(ProtectionProfile::keyHierarchy).orElse(null))
                .list("access", access)
                .flag("accessDeclared", !access.isEmpty())
                .list("rights", rights)
                .text("withdrawal", consentPurposes.isEmpty() ? null : withdrawal(w))
                .text("requestEmail", c.email().orElse(null))
                .text("requestAddress", c.address().orElse(null));
    }

    private Model formModel(Purpose p, Locale locale, Wording w, ConsentForm.Variant variant, Map<FormElement, String> elements) {
        boolean written = variant == ConsentForm.Variant.WRITTEN;
        Schema s = schema(written ? Templates.Kind.WRITTEN_CONSENT : Templates.Kind.CONSENT_FORM);
        Controller c = catalog.controller();
        String operator = c.name();
        if (written) {
            operator = c.name() + ", " + c.address().orElseThrow(() -> new IllegalStateException(
                    "a written consent names the operator's address (152-FZ Art. 9 part 4 item 3): declare the controller's address"));
        }
        List<String> recipients = p.recipients().stream().map(Recipient::name).collect(Collectors.toList());
        elements.put(FormElement.OPERATOR, operator);
        elements.put(FormElement.PURPOSE, phrase(p, locale));
        elements.put(FormElement.DATA, data(p, locale));
        elements.put(FormElement.VALIDITY, validity(p, w));
        elements.put(FormElement.WITHDRAWAL, withdrawal(w));
        elements.put(FormElement.POLICY_LINK, catalog.policyUrl().map(URI::toString).orElse(null));
        Model m = new Model(s)
                .text("purposeName", text(p.name(), locale, "name of purpose " + p.id()))
                .text("fieldName", "consent-" + p.id().value())
                .text("phrase", elements.get(FormElement.PURPOSE))
                .text("operator", operator)
                .text("data", elements.get(FormElement.DATA))
                .text("recipients", recipients.isEmpty() ? null : w.join(recipients))
                .text("retention", retention(p.retention().orElseThrow(), w))
                .text("validity", elements.get(FormElement.VALIDITY))
                .text("withdrawal", elements.get(FormElement.WITHDRAWAL))
                .text("policyUrl", elements.get(FormElement.POLICY_LINK));
        if (written) {
            List<Recipient> processors = p.recipients().stream().filter(r -> r.role() == Recipient.Role.PROCESSOR)
                    .collect(Collectors.toList());
            List<String> named = new ArrayList<>();
            for (Recipient r : processors) {
                named.add(r.name() + ", " + r.address().orElseThrow(() -> new IllegalStateException("processor '" + r.name()
                        + "' of purpose " + p.id() + " has no address: a written consent names it (152-FZ Art. 9 part 4 item 6)")));
            }
            String processorText = named.isEmpty() ? w.get("written.noProcessor") : w.format("written.processors", "list", w.join(named));
            if (p.operations().isEmpty() || p.method().isEmpty()) {
                throw new IllegalStateException("purpose " + p.id() + " declares no processing operations or method: a written "
                        + "consent lists them (152-FZ Art. 9 part 4 item 7); use Purpose.Builder.operations(...) and method(...)");
            }
            String actions = w.format("written.actions",
                    "operations", w.join(p.operations().stream().map(o -> w.get("operation." + o.name())).collect(Collectors.toList())),
                    "method", w.get("method." + p.method().get().name()));
            elements.put(FormElement.SUBJECT, w.get("written.subject"));
            elements.put(FormElement.REPRESENTATIVE, w.get("written.representative"));
            elements.put(FormElement.PROCESSOR, processorText);
            elements.put(FormElement.ACTIONS, actions);
            elements.put(FormElement.SIGNATURE, w.get("written.signature"));
            m.text("subjectLabel", elements.get(FormElement.SUBJECT))
                    .text("representativeLabel", elements.get(FormElement.REPRESENTATIVE))
                    .text("processors", processorText)
                    .text("actions", actions)
                    .text("signatureLabel", elements.get(FormElement.SIGNATURE));
        }
        return m;
    }

    // ---------------------------------------------------------------- phrases

    private String phrase(Purpose p, Locale locale) {
        LocalizedText phrase = p.consentPhrase().orElseThrow(() -> new IllegalStateException("purpose " + p.id()
                + " has no plain-language consent phrase: declare Purpose.Builder.consentPhrase(...)"));
        return text(phrase, locale, "consent phrase of purpose " + p.id());
    }

    private String data(Purpose p, Locale locale) {
        return wording(locale).join(categories(p).stream()
                .map(dc -> text(dc.name(), locale, "name of data category " + dc.id())).collect(Collectors.toList()));
    }

    private List<DataCategory> categories(Purpose p) {
        return new TreeSet<>(p.categories()).stream().map(id -> catalog.category(id).orElseThrow()).collect(Collectors.toList());
    }

    private String withdrawal(Wording w) {
        Optional<String> url = catalog.withdrawalUrl().map(URI::toString);
        Optional<String> email = catalog.controller().email();
        if (url.isPresent() && email.isPresent()) {
            return w.format("withdraw.both", "url", url.get(), "email", email.get());
        }
        return url.map(u -> w.format("withdraw.url", "url", u))
                .orElseGet(() -> w.format("withdraw.email", "email", email.orElseThrow()));
    }

    private static String validity(Purpose p, Wording w) {
        return p.reconfirmEvery().map(period -> w.format("validity.period", "period", w.period(period)))
                .orElseGet(() -> w.get("validity.untilWithdrawn"));
    }

    private static String retention(RetentionDeclaration r, Wording w) {
        String period = w.period(r.period());
        String event = r.businessEvent().map(EventName::value)
                .map(e -> w.optional("event." + e, w.format("event.unnamed", "event", e))).orElse("");
        return w.format("retention." + r.trigger().name(), "period", period, "event", event);
    }

    private static String period(LegalPeriod p, Wording w) {
        return w.count(p.amount(), "unit." + p.unit().name());
    }

    private static String categoryName(ProcessingCatalog catalog, String id, Locale locale) {
        return catalog.category(CategoryId.of(id)).map(dc -> text(dc.name(), locale, "name of data category " + id)).orElse(id);
    }

    /** Exact language, else the bare language, else any text in the same language. */
    static String text(LocalizedText text, Locale locale, String what) {
        Optional<String> exact = text.in(locale);
        if (exact.isPresent()) {
            return exact.get();
        }
        for (Map.Entry<Locale, String> e : text.texts().entrySet()) {
            if (e.getKey().getLanguage().equals(locale.getLanguage())) {
                return e.getValue();
            }
        }
        throw new IllegalStateException(what + " has no translation for locale " + locale.toLanguageTag());
    }

    private Locale locale(Locale wanted) {
        for (Locale l : locales) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return l;
            }
        }
        throw new IllegalArgumentException("documents are not configured for locale " + wanted.toLanguageTag()
                + "; configured: " + locales.stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
    }

    private Wording wording(Locale locale) {
        return wording.get(locale(Objects.requireNonNull(locale, "locale")).getLanguage());
    }

    private Template template(Templates.Kind kind, Locale locale, Format format) {
        return templates.get(Templates.resourceName(kind, locale(locale), Objects.requireNonNull(format, "format")));
    }

    // ---------------------------------------------------------------- schemas

    static Schema schema(Templates.Kind kind) {
        return switch (kind) {
            case POLICY -> new Schema()
                    .text("controller", "controllerContact", "controllerEmail", "controllerAddress", "controllerUrl",
                            "policyUrl", "dpoName", "dpoEmail", "dpoPhone", "law", "suite", "keyHierarchy",
                            "withdrawal", "requestEmail", "requestAddress")
                    .list("purposes", new Schema()
                            .text("name", "description", "basis", "basisExplained", "retention")
                            .flag("consent")
                            .list("categories", new Schema().text("category").flag("sensitive"))
                            .list("recipients", new Schema().text("recipient", "role", "country")))
                    .list("consentPurposes", new Schema().text("name"))
                    .list("encrypted", new Schema().text("category"))
                    .list("access", new Schema().text("role", "categories", "purposes"))
                    .flag("accessDeclared")
                    .list("rights", new Schema().text("right", "what", "deadline", "extension"));
            case CONSENT_FORM -> formSchema();
            case WRITTEN_CONSENT -> formSchema()
                    .text("subjectLabel", "representativeLabel", "processors", "actions", "signatureLabel");
            case RECEIPT -> new Schema()
                    .text("receiptId", "purposeName", "phrase", "status", "occurredAt", "validUntil", "channel", "asset",
                            "noticeVersion", "noticeSha256", "controller", "data", "withdrawal", "policyUrl")
                    .flag("given", "withdrawn", "other");
            case CHANGE_NOTES -> new Schema()
                    .text("controller")
                    .flag("major")
                    .list("changes", new Schema().text("text").flag("major"))
                    .list("reconsent", new Schema().text("name"))
                    .flag("reconsentNeeded");
        };
    }

    private static Schema formSchema() {
        return new Schema().text("purposeName", "fieldName", "phrase", "operator", "data", "recipients", "retention",
                "validity", "withdrawal", "policyUrl");
    }

    /**
     * Configures a {@link Transparency}; {@link #build()} checks templates, translations and forms.
     * Not thread-safe.
     */
    public static final class Builder {
        private final ConsentKit kit;
        private ProcessingCatalog catalog;
        private Jurisdiction jurisdiction;
        private AccessPolicy accessPolicy;
        private ProtectionProfile protection;
        private final Set<Locale> locales = new LinkedHashSet<>();
        private Templates templates = Templates.defaults();

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param languages the languages to write in; default the catalogue's default locale
         * @return this builder
         */
        public Builder locales(Locale... languages) {
            for (Locale l : languages) {
                Objects.requireNonNull(l, "locale");
                if (l.getLanguage().isEmpty() || locales.stream().anyMatch(x -> x.getLanguage().equals(l.getLanguage()))) {
                    throw new IllegalArgumentException("locale '" + l.toLanguageTag() + "' has no language or is given twice");
                }
                locales.add(l);
            }
            return this;
        }

        /**
         * @param templates the templates and wording; default {@link Templates#defaults()}
         * @return this builder
         */
        public Builder templates(Templates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * @return the generator
         * @throws IllegalStateException naming the template and field, the purpose or category and
         *                               locale, or the catalogue entry that is missing
         * @throws InvalidConsentFormException if a template leaves a required element out of a form
         */
        public Transparency build() {
            KitContext context = KitContext.of(kit);
            catalog = kit.catalog();
            jurisdiction = context.jurisdiction();
            accessPolicy = context.accessPolicy().orElse(null);
            protection = context.protector().map(FieldProtector::describe).orElse(null);
            if (locales.isEmpty()) {
                locales.add(catalog.defaultLocale());
            }
            checkCatalog();
            Map<String, Wording> wording = new HashMap<>();
            Map<String, Template> compiled = new LinkedHashMap<>();
            for (Locale l : locales) {
                Map<String, String> entries = templates.wording(l);
                if (entries.isEmpty()) {
                    throw new IllegalStateException("no wording for locale " + l.toLanguageTag()
                            + ": add it with Templates.withWording (see wording.en.properties)");
                }
                wording.put(l.getLanguage(), new Wording(l, entries));
                for (Templates.Kind kind : Templates.Kind.values()) {
                    for (Format f : Format.values()) {
                        String name = Templates.resourceName(kind, l, f);
                        String source = templates.source(kind, l, f).orElseThrow(() -> new IllegalStateException(
                                "no " + kind + " template for locale " + l.toLanguageTag() + " in " + f + " (" + name + ")"));
                        compiled.put(name, Template.compile(name, source, schema(kind)));
                    }
                }
            }
            Transparency t = new Transparency(this, wording, compiled);
            // render everything once, so a missing translation, wording entry or form element fails now
            boolean written = jurisdiction.id().equals(Jurisdiction.RU_152FZ.id());
            for (Locale l : locales) {
                for (Format f : Format.values()) {
                    t.policy(l, f);
                    for (Purpose p : catalog.purposes()) {
                        if (p.needsConsent()) {
                            t.consentForm(p.id(), l, f, ConsentForm.Variant.CHECKBOX);
                            if (written) {
                                t.consentForm(p.id(), l, f, ConsentForm.Variant.WRITTEN);
                            }
                        }
                    }
                }
            }
            return t;
        }

        private void checkCatalog() {
            boolean consent = catalog.purposes().stream().anyMatch(Purpose::needsConsent);
            for (Purpose p : catalog.purposes()) {
                if (p.retention().isEmpty()) {
                    throw new IllegalStateException("purpose " + p.id() + " declares no retention: the policy must say how long data is kept");
                }
                if (p.needsConsent() && p.consentPhrase().isEmpty()) {
                    throw new IllegalStateException("purpose " + p.id() + " has no plain-language consent phrase: "
                            + "declare Purpose.Builder.consentPhrase(...)");
                }
                for (Locale l : locales) {
                    text(p.name(), l, "name of purpose " + p.id());
                    text(p.description(), l, "plain-language description of purpose " + p.id());
                    p.consentPhrase().ifPresent(t -> text(t, l, "consent phrase of purpose " + p.id()));
                }
            }
            for (DataCategory dc : catalog.categories()) {
                for (Locale l : locales) {
                    text(dc.name(), l, "name of data category " + dc.id());
                }
            }
            if (consent && catalog.policyUrl().isEmpty()) {
                throw new IllegalStateException("catalogue declares no policy URL: every consent form links the privacy policy");
            }
            if (consent && catalog.withdrawalUrl().isEmpty() && catalog.controller().email().isEmpty()) {
                throw new IllegalStateException("catalogue tells no way to withdraw consent: declare the controller's e-mail "
                        + "or ProcessingCatalog.Builder.withdrawalUrl");
            }
            if (catalog.controller().email().isEmpty() && catalog.controller().address().isEmpty()) {
                throw new IllegalStateException("catalogue tells no way to make a request: declare the controller's e-mail or address");
            }
            checkUrl("policy URL", catalog.policyUrl());
            checkUrl("withdrawal URL", catalog.withdrawalUrl());
            checkUrl("controller URL", catalog.controller().url());
        }

        private static void checkUrl(String what, Optional<URI> url) {
            url.ifPresent(u -> {
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http")) {
                    throw new IllegalStateException(what + " must be an http or https address");
                }
            });
        }
    }
}
