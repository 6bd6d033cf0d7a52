package dev.consentkit.core.consent;

import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A consent receipt: the Kantara Initiative Consent Receipt v1.1.0 fields, plus what ConsentKit adds
 * to make the record demonstrable (the notice version and the SHA-256 of the exact text shown, the
 * evidence, the status and the narrowed scope).
 *
 * <p>Obtain one from {@code ConsentKit.receipt(entry)}; {@code ConsentJson} writes and reads it.
 * Kantara fields that would only repeat another component are derived: {@link #version()},
 * {@link #consentTimestamp()}, {@link #collectionMethod()}, {@link #piiPrincipalId()} and
 * {@link #sensitive()}. Immutable and thread-safe; holds no raw personal value (IP address and user
 * agent appear only as keyed hashes in the evidence).
 *
 * @param consentReceiptId the receipt id (Kantara {@code consentReceiptID}); the id of the ledger event it renders
 * @param jurisdiction ISO 3166 alpha-2 code of the jurisdiction whose law applies
 * @param language the language the consent was obtained in (Kantara {@code language}): an ISO 639
 *                 language without region or script
 * @param piiControllers who decides the processing, at least one
 * @param policyUrl where the privacy policy is published, if declared
 * @param services what the consent covers, at least one service with at least one purpose
 * @param spiCat names of the sensitive data categories concerned, empty if none
 * @param scope subject and purpose, with the channel and asset the consent is narrowed to, if any
 * @param status the consent status the event set (ISO/IEC TS 27560, DPV)
 * @param occurredAt exactly when it happened
 * @param recordedAt when ConsentKit recorded it
 * @param validUntil end of validity of a given or renewed consent, if the purpose expires consents
 * @param notice the notice shown (id, version, locale, SHA-256 of the text), for statuses that answer one
 * @param evidence proof of how it came about
 */
public record ConsentReceipt(UUID consentReceiptId, String jurisdiction, Locale language,
                             List<Controller> piiControllers, Optional<URI> policyUrl, List<Service> services,
                             List<String> spiCat, ConsentScope scope, ConsentStatus status, Instant occurredAt,
                             Instant recordedAt, Optional<Instant> validUntil, Optional<NoticeRef> notice,
                             Evidence evidence) {
    /** The Kantara specification version every receipt declares. */
    public static final String VERSION = "KI-CR-v1.1.0";

    /**
     * Validates and copies the receipt.
     *
     * @throws NullPointerException if a component or an element of a list is null
     * @throws IllegalArgumentException if the jurisdiction is not an ISO 3166 alpha-2 code, the language
     *                                  is not a bare language, there is no controller or service, a category name is
     *                                  blank, or {@code validUntil} is set for a status that is not valid
     */
    public ConsentReceipt {
        Objects.requireNonNull(consentReceiptId, "consentReceiptId");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(language, "language");
        piiControllers = List.copyOf(piiControllers);
        Objects.requireNonNull(policyUrl, "policyUrl");
        services = List.copyOf(services);
        spiCat = List.copyOf(spiCat);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(evidence, "evidence");
        if (!jurisdiction.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("receipt jurisdiction must be an ISO 3166 alpha-2 code");
        }
        if (language.getLanguage().isEmpty() || !language.equals(Locale.forLanguageTag(language.getLanguage()))) {
            throw new IllegalArgumentException("receipt language must be a bare ISO 639 language, no region or script");
        }
        if (piiControllers.isEmpty()) {
            throw new IllegalArgumentException("a receipt names at least one PII controller");
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a receipt names at least one service");
        }
        requireTexts(spiCat, "sensitive category name");
        if (validUntil.isPresent() && !status.isValid()) {
            throw new IllegalArgumentException("only given or renewed consent has a validity end");
        }
    }

    /** @return {@value #VERSION}, the Kantara specification version */
    public String version() {
        return VERSION;
    }

    /** @return {@link #occurredAt()} to the whole second, as Kantara's {@code consentTimestamp} carries it */
    public Instant consentTimestamp() {
        return occurredAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return how it was collected (Kantara {@code collectionMethod}), from the evidence */
    public CollectionMethod collectionMethod() {
        return evidence.method();
    }

    /** @return the host's id of the subject (Kantara {@code piiPrincipalId}), from the scope */
    public SubjectId piiPrincipalId() {
        return scope.subject();
    }

    /** @return whether a sensitive data category is concerned, i.e. {@link #spiCat()} is not empty */
    public boolean sensitive() {
        return !spiCat.isEmpty();
    }

    @Override
    public String toString() {
        return "ConsentReceipt[" + consentReceiptId + ", " + scope + ", " + status + "]";
    }

    private static void requireTexts(List<String> texts, String what) {
        for (String t : texts) {
            if (t.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
        }
    }

    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /**
     * A service of the controller and the purposes it processes data for (Kantara {@code services[]}).
     * Immutable.
     *
     * @param service the service in plain words
     * @param purposes its purposes, at least one
     */
    public record Service(String service, List<ServicePurpose> purposes) {
        /**
         * @throws NullPointerException if a component or a purpose is null
         * @throws IllegalArgumentException if the name is blank or there is no purpose
         */
        public Service {
            requireText(service, "service");
            purposes = List.copyOf(purposes);
            if (purposes.isEmpty()) {
                throw new IllegalArgumentException("a receipt service has at least one purpose");
            }
        }
    }

    /**
     * One purpose of a service (Kantara {@code purposes[]}). {@link #thirdPartyDisclosure()} is derived
     * from {@link #thirdPartyName()}. Immutable.
     *
     * @param purpose what the data is used for, in plain words
     * @param purposeCategory category labels of the purpose, possibly empty
     * @param consentType how consent must be expressed
     * @param piiCategory names of the data categories processed, at least one
     * @param primaryPurpose whether the purpose is part of the controller's core service
     * @param termination when the consent or the processing ends, in plain words, if declared
     * @param thirdPartyName the third parties the data is disclosed to, if any
     */
    public record ServicePurpose(String purpose, List<String> purposeCategory, ConsentType consentType,
                                 List<String> piiCategory, boolean primaryPurpose, Optional<String> termination,
                                 Optional<String> thirdPartyName) {
        /**
         * @throws NullPointerException if a component or a list element is null
         * @throws IllegalArgumentException if a text is blank or no data category is named
         */
        public ServicePurpose {
            requireText(purpose, "purpose");
            purposeCategory = List.copyOf(purposeCategory);
            Objects.requireNonNull(consentType, "consentType");
            piiCategory = List.copyOf(piiCategory);
            Objects.requireNonNull(termination, "termination");
            Objects.requireNonNull(thirdPartyName, "thirdPartyName");
            requireTexts(purposeCategory, "purpose category");
            requireTexts(piiCategory, "PII category");
            if (piiCategory.isEmpty()) {
                throw new IllegalArgumentException("a receipt purpose names at least one PII category");
            }
            termination.ifPresent(t -> requireText(t, "termination"));
            thirdPartyName.ifPresent(t -> requireText(t, "third party name"));
        }

        /** @return whether data is disclosed to a third party, i.e. {@link #thirdPartyName()} is present */
        public boolean thirdPartyDisclosure() {
            return thirdPartyName.isPresent();
        }
    }
}
