package dev.consentkit.core.purpose;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One declared reason to process personal data: what it is called, on which legal basis, which
 * data categories it uses, who receives the data, how long it is kept and, for consent, which
 * notice the subject is shown and how consent must be expressed.
 *
 * <p>Immutable and thread-safe. Cross-references (categories, notice) are checked when the
 * {@link ProcessingCatalog} is built.
 */
public final class Purpose {
    private final PurposeId id;
    private final LocalizedText name;
    private final LocalizedText description;
    private final LegalBasis basis;
    private final Set<CategoryId> categories;
    private final List<Recipient> recipients;
    private final Optional<RetentionDeclaration> retention;
    private final ConsentType consentType;
    private final Optional<NoticeId> notice;
    private final Optional<Period> reconfirmEvery;
    private final Optional<LocalizedText> consentPhrase;
    private final Set<ProcessingOperation> operations;
    private final Optional<ProcessingMethod> method;
    private final List<String> subjectCategories;
    private final Optional<RiskAssessment> risk;
    private final Optional<String> retentionNotPossible;
    private final Optional<String> securityNotPossible;

    private Purpose(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.description = b.description;
        this.basis = b.basis;
        this.categories = Set.copyOf(new LinkedHashSet<>(b.categories));
        this.recipients = List.copyOf(b.recipients);
        this.retention = Optional.ofNullable(b.retention);
        this.consentType = b.consentType;
        this.notice = Optional.ofNullable(b.notice);
        this.reconfirmEvery = Optional.ofNullable(b.reconfirmEvery);
        this.consentPhrase = Optional.ofNullable(b.consentPhrase);
        this.operations = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(b.operations));
        this.method = Optional.ofNullable(b.method);
        this.subjectCategories = List.copyOf(new LinkedHashSet<>(b.subjectCategories));
        this.risk = Optional.ofNullable(b.risk);
        this.retentionNotPossible = Optional.ofNullable(b.retentionNotPossible);
        this.securityNotPossible = Optional.ofNullable(b.securityNotPossible);
    }

    /**
     * @param id the purpose id
     * @return a builder
     */
    public static Builder builder(PurposeId id) {
        return new Builder(Objects.requireNonNull(id, "id"));
    }

    /** @return the id */
    public PurposeId id() {
        return id;
    }

    /** @return the short name, per language */
    public LocalizedText name() {
        return name;
    }

    /** @return the plain-language description, per language */
    public LocalizedText description() {
        return description;
    }

    /** @return the legal basis */
    public LegalBasis basis() {
        return basis;
    }

    /** @return whether the purpose relies on consent */
    public boolean needsConsent() {
        return basis == LegalBasis.CONSENT;
    }

    /** @return the ids of the data categories processed */
    public Set<CategoryId> categories() {
        return categories;
    }

    /** @return who receives the data, possibly empty */
    public List<Recipient> recipients() {
        return recipients;
    }

    /** @return the retention declaration, if one was made */
    public Optional<RetentionDeclaration> retention() {
        return retention;
    }

    /** @return how consent must be expressed (meaningful for consent purposes) */
    public ConsentType consentType() {
        return consentType;
    }

    /** @return the notice shown before consenting; present for every consent purpose */
    public Optional<NoticeId> notice() {
        return notice;
    }

    /** @return how often consent must be re-confirmed, if it expires */
    public Optional<Period> reconfirmEvery() {
        return reconfirmEvery;
    }

    /**
     * What the client agrees to, in plain words, as it completes "I agree to the processing of my
     * details ..." ({@code "to receive news about new products and offers"}; in Russian
     * {@code "для получения уведомлений о новинках и акциях"}). The consent forms of
     * {@code dev.consentkit.core.transparency} are written from it.
     *
     * @return the consent phrase per language, if declared
     */
    public Optional<LocalizedText> consentPhrase() {
        return consentPhrase;
    }

    /** @return the processing operations declared (152-FZ Art. 3 item 3), in declaration order of the enum; possibly empty */
    public Set<ProcessingOperation> operations() {
        return operations;
    }

    /** @return how the data is processed (automated, manual or mixed), if declared */
    public Optional<ProcessingMethod> method() {
        return method;
    }

    /** @return the categories of data subjects, e.g. "clients", in declaration order; possibly empty */
    public List<String> subjectCategories() {
        return subjectCategories;
    }

    /** @return the host's risk assessment, if made */
    public Optional<RiskAssessment> risk() {
        return risk;
    }

    /** @return why no erasure time limit can be given (GDPR Art. 30(1)(f) "where possible"), if declared */
    public Optional<String> retentionNotPossible() {
        return retentionNotPossible;
    }

    /** @return why no security measures can be described (GDPR Art. 30(1)(g) "where possible"), if declared */
    public Optional<String> securityNotPossible() {
        return securityNotPossible;
    }

    @Override
    public String toString() {
        return "Purpose[" + id + ", " + basis + "]";
    }

    /** Builds a {@link Purpose}; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private final PurposeId id;
        private LocalizedText name;
        private LocalizedText description;
        private LegalBasis basis;
        private final List<CategoryId> categories = new ArrayList<>();
        private final List<Recipient> recipients = new ArrayList<>();
        private RetentionDeclaration retention;
        private ConsentType consentType = ConsentType.EXPRESSED;
        private NoticeId notice;
        private Period reconfirmEvery;
        private LocalizedText consentPhrase;
        private final java.util.EnumSet<ProcessingOperation> operations = java.util.EnumSet.noneOf(ProcessingOperation.class);
        private ProcessingMethod method;
        private final List<String> subjectCategories = new ArrayList<>();
        private RiskAssessment risk;
        private String retentionNotPossible;
        private String securityNotPossible;

        private Builder(PurposeId id) {
            this.id = id;
        }

        /**
         * @param name short name per language
         * @return this builder
         */
        public Builder name(LocalizedText name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param description plain-language description per language
         * @return this builder
         */
        public Builder description(LocalizedText description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param basis the legal basis
         * @return this builder
         */
        public Builder basis(LegalBasis basis) {
            this.basis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        /**
         * @param categoryIds ids of categories declared in the catalogue
         * @return this builder
         */
        public Builder categories(CategoryId... categoryIds) {
            for (CategoryId c : categoryIds) {
                categories.add(Objects.requireNonNull(c, "category id"));
            }
            return this;
        }

        /**
         * @param recipient someone who receives the data
         * @return this builder
         */
        public Builder recipient(Recipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /**
         * @param retention how long data is kept
         * @return this builder
         */
        public Builder retention(RetentionDeclaration retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * @param consentType how consent must be expressed; default {@link ConsentType#EXPRESSED}
         * @return this builder
         */
        public Builder consentType(ConsentType consentType) {
            this.consentType = Objects.requireNonNull(consentType, "consentType");
            return this;
        }

        /**
         * @param notice id of the notice declared in the catalogue
         * @return this builder
         */
        public Builder notice(NoticeId notice) {
            this.notice = Objects.requireNonNull(notice, "notice");
            return this;
        }

        /**
         * @param period how long a consent stays valid before it must be re-confirmed
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder reconfirmEvery(Period period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("re-confirmation period of purpose " + id + " must be positive");
            }
            this.reconfirmEvery = period;
            return this;
        }

        /**
         * @param phrase what the client agrees to, completing "I agree to the processing of my details
         *               ...", per language, e.g. {@code "to receive news about new products and offers"}
         * @return this builder
         */
        public Builder consentPhrase(LocalizedText phrase) {
            this.consentPhrase = Objects.requireNonNull(phrase, "phrase");
            return this;
        }

        /**
         * @param declared the processing operations the purpose performs (listed in a written consent,
         *                 152-FZ Art. 9 part 4 item 7)
         * @return this builder
         */
        public Builder operations(ProcessingOperation... declared) {
            for (ProcessingOperation o : declared) {
                operations.add(Objects.requireNonNull(o, "operation"));
            }
            return this;
        }

        /**
         * @param categories categories of data subjects in plain words, e.g. "clients", "newsletter
         *                   subscribers" (GDPR Art. 30(1)(c))
         * @return this builder
         * @throws IllegalArgumentException if one is blank or longer than 200 characters
         */
        public Builder subjectCategories(String... categories) {
            for (String c : categories) {
                subjectCategories.add(text(c, "subject category", 200));
            }
            return this;
        }

        /**
         * @param method how the data is processed (152-FZ Art. 9 part 4 item 7)
         * @return this builder
         */
        public Builder method(ProcessingMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param assessment the host's risk assessment of this purpose
         * @return this builder
         */
        public Builder risk(RiskAssessment assessment) {
            this.risk = Objects.requireNonNull(assessment, "assessment");
            return this;
        }

        /**
         * Declares that no erasure time limit can be given, and why (GDPR Art. 30(1)(f) asks for one
         * "where possible"); excludes {@link #retention}.
         *
         * @param reason why not
         * @return this builder
         */
        public Builder retentionNotPossible(String reason) {
            this.retentionNotPossible = text(reason, "reason", 500);
            return this;
        }

        /**
         * Declares that no security measures can be described, and why (GDPR Art. 30(1)(g) asks for a
         * description "where possible").
         *
         * @param reason why not
         * @return this builder
         */
        public Builder securityNotPossible(String reason) {
            this.securityNotPossible = text(reason, "reason", 500);
            return this;
        }

        private String text(String value, String what, int max) {
            Objects.requireNonNull(value, what);
            if (value.isBlank() || value.length() > max) {
                throw new IllegalArgumentException(what + " of purpose " + id + " must have 1 to " + max + " characters");
            }
            return value;
        }

        /**
         * @return the immutable purpose
         * @throws IllegalStateException if name, description or basis is missing, or a non-consent
         *                               purpose names a notice or a re-confirmation period, or both a
         *                               retention and "retention not possible" are declared
         */
        public Purpose build() {
            if (name == null || description == null || basis == null) {
                throw new IllegalStateException("purpose " + id + " needs a name, a description and a legal basis");
            }
            if (basis != LegalBasis.CONSENT && (notice != null || reconfirmEvery != null)) {
                throw new IllegalStateException("purpose " + id + " is based on " + basis
                        + ": only consent purposes have a notice or a re-confirmation period");
            }
            if (retention != null && retentionNotPossible != null) {
                throw new IllegalStateException("purpose " + id
                        + " declares a retention and that none is possible: keep one");
            }
            return new Purpose(this);
        }
    }
}
