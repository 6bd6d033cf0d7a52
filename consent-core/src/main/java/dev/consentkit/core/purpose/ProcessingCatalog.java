package dev.consentkit.core.purpose;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declaration of what a host processes: its controller, data categories, notices and
 * purposes. Every consent check, receipt and (later) register row derives from it.
 *
 * <p>Built once and validated as a whole: a purpose naming an undeclared category, a consent purpose
 * without a notice, a sensitive category under less than explicit consent, or a duplicate id is a
 * clear error at {@link Builder#build()}. Immutable and thread-safe.
 */
public final class ProcessingCatalog {
    private final Controller controller;
    private final String jurisdiction;
    private final Optional<URI> policyUrl;
    private final Locale defaultLocale;
    private final Map<CategoryId, DataCategory> categories;
    private final Map<NoticeId, Notice> notices;
    private final Map<PurposeId, Purpose> purposes;
    private final Optional<DataProtectionOfficer> dataProtectionOfficer;
    private final Optional<URI> withdrawalUrl;

    private ProcessingCatalog(Builder b) {
        this.controller = b.controller;
        this.jurisdiction = b.jurisdiction;
        this.policyUrl = Optional.ofNullable(b.policyUrl);
        this.defaultLocale = b.defaultLocale;
        this.categories = Map.copyOf(b.categories);
        this.notices = Map.copyOf(b.notices);
        this.purposes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.purposes));
        this.dataProtectionOfficer = Optional.ofNullable(b.dataProtectionOfficer);
        this.withdrawalUrl = Optional.ofNullable(b.withdrawalUrl);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the controller */
    public Controller controller() {
        return controller;
    }

    /** @return ISO 3166 alpha-2 code of the jurisdiction whose law applies, e.g. {@code RU} */
    public String jurisdiction() {
        return jurisdiction;
    }

    /** @return where the privacy policy is published, if declared */
    public Optional<URI> policyUrl() {
        return policyUrl;
    }

    /** @return the language notices are shown in when the caller names none */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /**
     * @param id a purpose id
     * @return the purpose, if declared
     */
    public Optional<Purpose> purpose(PurposeId id) {
        return Optional.ofNullable(purposes.get(id));
    }

    /**
     * @param id a purpose id
     * @return the declared purpose
     * @throws UnknownPurposeException if it is not declared
     */
    public Purpose require(PurposeId id) {
        Purpose p = purposes.get(Objects.requireNonNull(id, "id"));
        if (p == null) {
            throw new UnknownPurposeException(id);
        }
        return p;
    }

    /** @return every purpose, in declaration order */
    public Collection<Purpose> purposes() {
        return purposes.values();
    }

    /**
     * @param id a notice id
     * @return the notice, if declared
     */
    public Optional<Notice> notice(NoticeId id) {
        return Optional.ofNullable(notices.get(id));
    }

    /**
     * @param id a category id
     * @return the category, if declared
     */
    public Optional<DataCategory> category(CategoryId id) {
        return Optional.ofNullable(categories.get(Objects.requireNonNull(id, "id")));
    }

    /** @return every declared category */
    public Collection<DataCategory> categories() {
        return categories.values();
    }

    /** @return the person responsible for personal-data processing, if declared */
    public Optional<DataProtectionOfficer> dataProtectionOfficer() {
        return dataProtectionOfficer;
    }

    /** @return the page where a client withdraws consent (an account settings page), if declared */
    public Optional<URI> withdrawalUrl() {
        return withdrawalUrl;
    }

    /**
     * A copy of this catalogue in which the notice with the same id is replaced, validated like
     * {@link Builder#build()}: how a notice generated from the catalogue (a consent form's exact
     * text, see {@code dev.consentkit.core.transparency}) enters it.
     *
     * @param notice the new notice; its id must already be declared
     * @return the new catalogue
     * @throws IllegalArgumentException if no notice with that id is declared
     * @throws IllegalStateException if the result does not validate
     */
    public ProcessingCatalog withNotice(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        if (!notices.containsKey(notice.id())) {
            throw new IllegalArgumentException("catalogue declares no notice '" + notice.id() + "' to replace");
        }
        Builder b = new Builder();
        b.controller = controller;
        b.jurisdiction = jurisdiction;
        b.policyUrl = policyUrl.orElse(null);
        b.defaultLocale = defaultLocale;
        b.dataProtectionOfficer = dataProtectionOfficer.orElse(null);
        b.withdrawalUrl = withdrawalUrl.orElse(null);
        categories.values().forEach(b::category);
        notices.values().forEach(n -> b.notice(n.id().equals(notice.id()) ? notice : n));
        purposes.values().forEach(b::purpose);
        return b.build();
    }

    @Override
    public String toString() {
        return "ProcessingCatalog[" + purposes.size() + " purposes, " + notices.size() + " notices]";
    }

    /** Collects and validates the declaration. Not thread-safe. */
    public static final class Builder {
        private Controller controller;
        private String jurisdiction;
        private URI policyUrl;
        private Locale defaultLocale = Locale.ENGLISH;
        private final Map<CategoryId, DataCategory> categories = new LinkedHashMap<>();
        private final Map<NoticeId, Notice> notices = new LinkedHashMap<>();
        private final Map<PurposeId, Purpose> purposes = new LinkedHashMap<>();
        private DataProtectionOfficer dataProtectionOfficer;
        private URI withdrawalUrl;

        private Builder() {
        }

        /**
         * @param officer the person responsible for personal-data processing, published in the policy
         * @return this builder
         */
        public Builder dataProtectionOfficer(DataProtectionOfficer officer) {
            this.dataProtectionOfficer = Objects.requireNonNull(officer, "officer");
            return this;
        }

        /**
         * @param url the page where a client withdraws consent, named in consent forms, receipts and the policy
         * @return this builder
         */
        public Builder withdrawalUrl(URI url) {
            this.withdrawalUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param controller who decides the processing
         * @return this builder
         */
        public Builder controller(Controller controller) {
            this.controller = Objects.requireNonNull(controller, "controller");
            return this;
        }

        /**
         * @param countryCode ISO 3166 alpha-2, e.g. {@code RU} or {@code DE}
         * @return this builder
         * @throws IllegalArgumentException if not two upper-case letters
         */
        public Builder jurisdiction(String countryCode) {
            Objects.requireNonNull(countryCode, "countryCode");
            if (!countryCode.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("jurisdiction must be an ISO 3166 alpha-2 code");
            }
            this.jurisdiction = countryCode;
            return this;
        }

        /**
         * @param url where the privacy policy is published
         * @return this builder
         */
        public Builder policyUrl(URI url) {
            this.policyUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param locale language of notices when a caller names none; default English
         * @return this builder
         */
        public Builder defaultLocale(Locale locale) {
            this.defaultLocale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * @param category a data category
         * @return this builder
         * @throws IllegalArgumentException if its id was declared already
         */
        public Builder category(DataCategory category) {
            Objects.requireNonNull(category, "category");
            if (categories.putIfAbsent(category.id(), category) != null) {
                throw new IllegalArgumentException("duplicate data category id '" + category.id() + "'");
            }
            return this;
        }

        /**
         * @param notice a notice with its versions
         * @return this builder
         * @throws IllegalArgumentException if its id was declared already
         */
        public Builder notice(Notice notice) {
            Objects.requireNonNull(notice, "notice");
            if (notices.putIfAbsent(notice.id(), notice) != null) {
                throw new IllegalArgumentException("duplicate notice id '" + notice.id() + "'");
            }
            return this;
        }

        /**
         * @param purpose a purpose
         * @return this builder
         * @throws IllegalArgumentException if its id was declared already
         */
        public Builder purpose(Purpose purpose) {
            Objects.requireNonNull(purpose, "purpose");
            if (purposes.putIfAbsent(purpose.id(), purpose) != null) {
                throw new IllegalArgumentException("duplicate purpose id '" + purpose.id() + "'");
            }
            return this;
        }

        /**
         * Validates the whole declaration.
         *
         * @return the immutable catalogue
         * @throws IllegalStateException naming the purpose and what is wrong with it
         */
        public ProcessingCatalog build() {
            if (controller == null || jurisdiction == null) {
                throw new IllegalStateException("catalogue needs a controller and a jurisdiction");
            }
            if (purposes.isEmpty()) {
                throw new IllegalStateException("catalogue declares no purpose");
            }
            for (Purpose p : purposes.values()) {
                boolean sensitive = false;
                for (CategoryId c : p.categories()) {
                    DataCategory category = categories.get(c);
                    if (category == null) {
                        throw new IllegalStateException("purpose " + p.id() + " uses unknown data category '" + c + "'");
                    }
                    sensitive |= category.sensitive();
                }
                if (p.categories().isEmpty()) {
                    throw new IllegalStateException("purpose " + p.id() + " declares no data category");
                }
                if (p.needsConsent()) {
                    NoticeId n = p.notice().orElseThrow(() ->
                            new IllegalStateException("consent purpose " + p.id() + " has no notice"));
                    Notice notice = notices.get(n);
                    if (notice == null) {
                        throw new IllegalStateException("purpose " + p.id() + " names unknown notice '" + n + "'");
                    }
                    if (notice.text(notice.current()).orElseThrow().in(defaultLocale).isEmpty()) {
                        throw new IllegalStateException("notice " + n + " version " + notice.current()
                                + " has no text in the default locale " + defaultLocale.toLanguageTag());
                    }
                    if (sensitive && p.consentType() != ConsentType.EXPLICIT) {
                        throw new IllegalStateException("purpose " + p.id()
                                + " processes a sensitive data category and must require EXPLICIT consent");
                    }
                }
            }
            return new ProcessingCatalog(this);
        }
    }
}
