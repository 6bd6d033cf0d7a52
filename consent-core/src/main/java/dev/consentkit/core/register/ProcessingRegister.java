package dev.consentkit.core.register;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.FieldProtector;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register of processing activities (GDPR Art. 30(1); the per-purpose register of 152-FZ
 * Art. 18.1 part 1), generated from what the code declares: one {@link ProcessingRecord} per purpose
 * of the catalogue, with the roles of the access policy and the security measures derived from the
 * protection configuration.
 *
 * <pre>{@code
 * ProcessingRegister register = ProcessingRegister.builder(kit)   // after FieldCrypto.builder(kit)...build()
 *         .securityMeasure("Daily encrypted backups, restore tested monthly")
 *         .build();
 * register.problems();          // what Art. 30(1)(a)-(g) still misses, per purpose
 * String md = register.toMarkdown();
 * String csv = register.toCsv();
 * String json = RegisterJson.create().write(register);
 * RegisterDiff changes = RegisterDiff.between(lastMonth, register);
 * }</pre>
 *
 * <p>The exports refuse an incomplete register with an {@link IncompleteRegisterException} naming
 * every missing field and its purpose. Immutable and thread-safe.
 *
 * @param generatedAt when it was generated (the kit's clock)
 * @param controller the controller's name and contact details
 * @param jurisdiction the catalogue's jurisdiction, ISO 3166 alpha-2
 * @param records one row per purpose, in the catalogue's order
 */
public record ProcessingRegister(Instant generatedAt, String controller, String jurisdiction,
                                 List<ProcessingRecord> records) {
    /** Countries of the European Economic Area: transfers out of them go to third countries (GDPR Chapter V). */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO");

    /**
     * Copies the rows.
     *
     * @throws IllegalArgumentException if two rows have the same purpose
     */
    public ProcessingRegister {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        records = List.copyOf(records);
        if (records.stream().map(ProcessingRecord::purpose).distinct().count() != records.size()) {
            throw new IllegalArgumentException("a register has one row per purpose");
        }
    }

    /**
     * @param kit the kit whose catalogue, access policy and clock to use
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /**
     * @param purpose a purpose
     * @return its row, if the register has one
     */
    public Optional<ProcessingRecord> record(PurposeId purpose) {
        return records.stream().filter(r -> r.purpose().equals(purpose)).findFirst();
    }

    /** @return every missing mandatory field of every row, in row order */
    public List<RegisterProblem> problems() {
        return records.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /**
     * @return this register
     * @throws IncompleteRegisterException naming every missing field and its purpose
     */
    public ProcessingRegister requireComplete() {
        List<RegisterProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IncompleteRegisterException(problems);
        }
        return this;
    }

    /**
     * @return the register as CSV (RFC 4180: CRLF line ends, a header row, fields quoted when they hold a
     *         comma, a quote or a line break, quotes doubled), one row per purpose
     * @throws IncompleteRegisterException if a mandatory field is missing
     */
    public String toCsv() {
        return RegisterText.csv(requireComplete());
    }

    /**
     * @return the register as Markdown: a heading, then one section per purpose with a two-column table
     * @throws IncompleteRegisterException if a mandatory field is missing
     */
    public String toMarkdown() {
        return RegisterText.markdown(requireComplete());
    }

    @Override
    public String toString() {
        return "ProcessingRegister[" + records.size() + " purposes, " + generatedAt + "]";
    }

    /** Collects the configuration the register derives from. Not thread-safe. */
    public static final class Builder {
        private final ConsentKit kit;
        private Instant keyRotatedAt;
        private Locale locale;
        private final List<String> measures = new ArrayList<>();

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param when when the master key was last rotated; the register shows its age at generation
         *             (the key store keeps no age the register could read)
         * @return this builder
         */
        public Builder keyRotatedAt(Instant when) {
            this.keyRotatedAt = Objects.requireNonNull(when, "when");
            return this;
        }

        /**
         * @param measure an organisation-wide security measure, in plain words, listed for every purpose
         * @return this builder
         * @throws IllegalArgumentException if blank or longer than 500 characters
         */
        public Builder securityMeasure(String measure) {
            Objects.requireNonNull(measure, "measure");
            if (measure.isBlank() || measure.length() > 500) {
                throw new IllegalArgumentException("a security measure must have 1 to 500 characters");
            }
            measures.add(measure);
            return this;
        }

        /**
         * @param language the language of names and descriptions; default the catalogue's
         * @return this builder
         */
        public Builder locale(Locale language) {
            this.locale = Objects.requireNonNull(language, "language");
            return this;
        }

        /** @return the register, generated now by the kit's clock */
        public ProcessingRegister build() {
            ProcessingCatalog catalog = kit.catalog();
            Locale lang = locale != null ? locale : catalog.defaultLocale();
            Instant now = KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
            String controller = controller(catalog.controller());
            List<ProcessingRecord> rows = new ArrayList<>();
            for (Purpose p : catalog.purposes()) {
                rows.add(row(catalog, p, lang, controller, now));
            }
            return new ProcessingRegister(now, controller, catalog.jurisdiction(), rows);
        }

        private ProcessingRecord row(ProcessingCatalog catalog, Purpose p, Locale lang, String controller,
                                     Instant now) {
            List<String> categories = p.categories().stream().sorted().map(id -> {
                DataCategory c = catalog.category(id).orElseThrow();
                return id + " (" + c.name().best(lang) + (c.sensitive() ? ", special category" : "") + ")";
            }).toList();
            List<String> transfers = p.recipients().stream()
                    .filter(r -> r.country().map(c -> isThirdCountry(catalog.jurisdiction(), c)).orElse(false))
                    .map(r -> r.name() + ": " + r.country().orElseThrow()).toList();
            Optional<String> retention = p.retention().map(Builder::retention)
                    .or(() -> p.retentionNotPossible().map(r -> "not possible: " + r));
            return new ProcessingRecord(p.id(), p.name().best(lang), p.description().best(lang), controller,
                    p.basis(), p.subjectCategories(), categories, p.recipients(), transfers, retention,
                    roles(KitContext.of(kit).accessPolicy(), p), security(p, now), p.risk());
        }

        private List<String> security(Purpose p, Instant now) {
            List<String> found = new ArrayList<>();
            Optional<ProtectionProfile> described = KitContext.of(kit).protector().map(FieldProtector::describe);
            if (described.isPresent()) {
                ProtectionProfile protection = described.get();
                List<ProtectionProfile.Field> fields = protection.fields().stream()
                        .filter(f -> p.categories().contains(f.category()))
                        .sorted(Comparator.comparing((ProtectionProfile.Field f) -> f.table()).thenComparing(f -> f.column()))
                        .toList();
                if (!fields.isEmpty()) {
                    found.add("field encryption with " + protection.suite() + " (" + protection.keyHierarchy() + "): "
                            + fields.stream().map(f -> f.table() + "." + f.column() + " [" + f.category() + "]")
                            .collect(Collectors.joining(", ")));
                    if (keyRotatedAt != null) {
                        long days = Duration.between(keyRotatedAt, now).toDays();
                        found.add("master key last rotated " + keyRotatedAt.atOffset(ZoneOffset.UTC).toLocalDate()
                                + " (" + days + (days == 1 ? " day" : " days") + " before this register)");
                    }
                }
            }
            KitContext.of(kit).accessPolicy().ifPresent(policy -> found.add(
                    "role-based access control per purpose, category and action, with MFA for special categories"));
            found.addAll(measures);
            if (found.isEmpty()) {
                p.securityNotPossible().ifPresent(r -> found.add("not possible: " + r));
            }
            return found;
        }

        private static List<String> roles(Optional<AccessPolicy> policy, Purpose p) {
            if (policy.isEmpty()) {
                return List.of();
            }
            return policy.get().grants().stream().filter(g -> g.purposes().contains(p.id()))
                    .map(g -> g.role() + ": " + g.actions().stream().sorted().map(AccessAction::name)
                            .collect(Collectors.joining(", ")) + " on "
                            + g.categories().stream().sorted().map(CategoryId::value).collect(Collectors.joining(", ")))
                    .sorted().toList();
        }

        private static boolean isThirdCountry(String home, String country) {
            if (EEA.contains(home)) {
                return !EEA.contains(country);
            }
            return !home.equals(country);
        }

        private static String controller(Controller c) {
            return Stream.of(Optional.of(c.name()), Optional.of(c.contact()), c.email(), c.address(),
                            c.url().map(Object::toString))
                    .flatMap(Optional::stream).distinct().collect(Collectors.joining("; "));
        }

        static String retention(RetentionDeclaration r) {
            return r.inWords();
        }
    }
}
