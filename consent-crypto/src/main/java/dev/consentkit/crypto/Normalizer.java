package dev.consentkit.crypto;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a value is normalised before its blind index is computed, so that equal values index equally.
 *
 * <p><b>Versions.</b> A change of what a normaliser does changes the index values it gives, so each
 * normaliser has a version, and an index stores the version of every value it holds: values of two
 * versions never answer for each other (they are also computed under different keys). Versions count
 * on one timeline for all normalisers: version {@code n} of a normaliser is what it did as of
 * ConsentKit's {@code n}-th normalisation change, and one that did not change keeps its version.
 * Today {@link #EMAIL} and {@link #PHONE_E164} are at version 2 (issue 12: Unicode NFC for e-mail;
 * a region or an international prefix required for phones), {@link #NAME} and {@link #YEAR} at 1.
 * The constants are the latest versions; {@link #atVersion} gives an earlier one, e.g. to keep an
 * index on version 1 until it has been re-indexed ({@link ReindexJob}).
 *
 * <p>Every text normaliser applies Unicode normalisation first (NFC for e-mail, NFKC for names and
 * phones), so composed and decomposed forms of one text index equally.
 *
 * <p>Immutable and thread-safe. {@link #normalize} never echoes the value in its exception.
 */
public final class Normalizer {
    /** E-mail: Unicode NFC, trimmed, lower case (version 2; version 1 skipped NFC and accepted a blank value). */
    public static final Normalizer EMAIL = new Normalizer(Kind.EMAIL, 2, Optional.empty());
    /**
     * Phone, in international form only: {@code +} or {@code 00} then the country code and number, to
     * E.164 ({@code +} and 6 to 15 digits; spaces, dashes, dots and brackets dropped). A number in
     * national form is refused: use {@link #phone(String)} with the region it was written in (version
     * 2; version 1 prefixed a {@code +} to any digits, so {@code 202-555-0123} met {@code +20 2 5550123},
     * and left {@code 00} as digits).
     */
    public static final Normalizer PHONE_E164 = new Normalizer(Kind.PHONE_E164, 2, Optional.empty());
    /** A name: Unicode NFKC, case folded, inner whitespace collapsed (version 1). */
    public static final Normalizer NAME = new Normalizer(Kind.NAME, 1, Optional.empty());
    /**
     * A year, e.g. a birth year for a compound index: four ASCII digits, given alone or as the start of
     * an ISO date ({@code 1987} or {@code 1987-04-12}) (version 1).
     */
    public static final Normalizer YEAR = new Normalizer(Kind.YEAR, 1, Optional.empty());

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,14}");
    /** Regions whose national phone format is known: country code, trunk prefix, international prefix. */
    private static final Map<String, Region> REGIONS = Map.ofEntries(
            region("RU", "7", "8", "810"), region("KZ", "7", "8", "810"), region("UA", "380", "0", "00"),
            region("US", "1", "1", "011"), region("CA", "1", "1", "011"), region("GB", "44", "0", "00"),
            region("DE", "49", "0", "00"), region("FR", "33", "0", "00"), region("NL", "31", "0", "00"),
            region("BE", "32", "0", "00"), region("AT", "43", "0", "00"), region("CH", "41", "0", "00"),
            region("SE", "46", "0", "00"), region("FI", "358", "0", "00"), region("IE", "353", "0", "00"),
            region("AU", "61", "0", "0011"), region("NZ", "64", "0", "00"), region("IN", "91", "0", "00"),
            region("CN", "86", "0", "00"), region("JP", "81", "0", "010"), region("TR", "90", "0", "00"),
            region("IL", "972", "0", "00"), region("EG", "20", "0", "00"), region("ES", "34", "", "00"),
            region("IT", "39", "", "00"), region("PT", "351", "", "00"), region("PL", "48", "", "00"),
            region("DK", "45", "", "00"), region("NO", "47", "", "00"), region("GR", "30", "", "00"),
            region("CZ", "420", "", "00"), region("EE", "372", "", "00"));

    private final Kind kind;
    private final int version;
    private final Optional<Region> region;

    private Normalizer(Kind kind, int version, Optional<Region> region) {
        this.kind = kind;
        this.version = version;
        this.region = region;
    }

    private record Region(String code, String countryCode, String trunkPrefix, String internationalPrefix) {
    }

    private static Map.Entry<String, Region> region(String code, String country, String trunk, String international) {
        return Map.entry(code, new Region(code, country, trunk, international));
    }

    /**
     * Phones as written in one region: a number in national form (with or without the region's trunk
     * prefix, e.g. {@code 8 912 345-67-89} in {@code RU}, {@code (202) 555-0123} in {@code US}) gets the
     * region's country code; a number in international form ({@code +}, {@code 00} or the region's own
     * international prefix, e.g. {@code 011} in {@code US}) keeps its own. Regions ConsentKit knows
     * the national format of: AT, AU, BE, CA, CH, CN, CZ, DE, DK, EE, EG, ES, FI, FR, GB, GR, IE, IL,
     * IN, IT, JP, KZ, NL, NO, NZ, PL, PT, RU, SE, TR, UA, US. A region's numbers index like the same
     * numbers given to {@link #PHONE_E164} in international form.
     *
     * @param region the ISO 3166-1 alpha-2 code, e.g. {@code RU}
     * @return the phone normaliser of the latest version for that region
     * @throws IllegalArgumentException if the region is not one of the above
     */
    public static Normalizer phone(String region) {
        Objects.requireNonNull(region, "region");
        Region known = REGIONS.get(region);
        if (known == null) {
            throw new IllegalArgumentException("no national phone format is known for region '" + region
                    + "'; give numbers in international form (+ or 00) to Normalizer.PHONE_E164");
        }
        return new Normalizer(Kind.PHONE_E164, PHONE_E164.version, Optional.of(known));
    }

    /** @return the normaliser's name, e.g. {@code EMAIL} */
    public String name() {
        return kind.name();
    }

    /** @return the version this normaliser computes, 1 to {@link #latestVersion()} */
    public int version() {
        return version;
    }

    /** @return the latest version of this normaliser */
    public int latestVersion() {
        return kind.latest;
    }

    /** @return the region of a {@link #phone(String)} normaliser, or empty */
    public Optional<String> region() {
        return region.map(Region::code);
    }

    /**
     * @param version a version of this normaliser
     * @return this normaliser as it was at that version (same region)
     * @throws IllegalArgumentException if the version is below 1 or above {@link #latestVersion()}
     */
    public Normalizer atVersion(int version) {
        if (version < 1 || version > kind.latest) {
            throw new IllegalArgumentException(kind + " has versions 1 to " + kind.latest + ", not " + version);
        }
        return version == this.version ? this : new Normalizer(kind, version, region);
    }

    /**
     * @param value the raw value
     * @return the normalised value
     * @throws IllegalArgumentException if the value cannot be normalised (the value is not echoed)
     */
    public String normalize(String value) {
        Objects.requireNonNull(value, "value");
        return switch (kind) {
            case EMAIL -> email(value);
            case PHONE_E164 -> version == 1 ? phoneVersion1(value) : international(value);
            case NAME -> {
                String nfkc = java.text.Normalizer.normalize(value, Form.NFKC);
                yield nfkc.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            }
            case YEAR -> {
                String v = value.strip();
                if (!v.matches("[0-9]{4}(-[0-9]{2}-[0-9]{2})?")) {
                    throw new IllegalArgumentException("not a year or an ISO date");
                }
                yield v.substring(0, 4);
            }
        };
    }

    private String email(String value) {
        if (version == 1) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
        String v = java.text.Normalizer.normalize(value, Form.NFC).strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("an e-mail address is blank");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** Exactly what version 1 did: any 6 to 15 digits, with or without a {@code +}, became {@code +digits}. */
    private static String phoneVersion1(String value) {
        String digits = value.strip().replaceAll("[\\s().-]", "");
        if (!digits.matches("\\+?[0-9]{6,15}")) {
            throw new IllegalArgumentException("not a phone number in international form");
        }
        return digits.startsWith("+") ? digits : "+" + digits;
    }

    private String international(String value) {
        String v = SEPARATORS.matcher(java.text.Normalizer.normalize(value, Form.NFKC).strip()).replaceAll("");
        String international;
        if (v.startsWith("+")) {
            international = v;
        } else if (region.isPresent() && v.startsWith(region.get().internationalPrefix())) {
            international = "+" + v.substring(region.get().internationalPrefix().length());
        } else if (v.startsWith("00")) {
            international = "+" + v.substring(2);
        } else if (region.isPresent()) {
            Region r = region.get();
            String national = !r.trunkPrefix().isEmpty() && v.startsWith(r.trunkPrefix())
                    ? v.substring(r.trunkPrefix().length()) : v;
            international = "+" + r.countryCode() + national;
        } else {
            throw new IllegalArgumentException("a phone number needs a leading + or 00, or a region to read it in"
                    + " (Normalizer.phone(region))");
        }
        if (!E164.matcher(international).matches()) {
            throw new IllegalArgumentException("not a phone number: E.164 allows a country code and 6 to 15 digits");
        }
        return international;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer n && n.kind == kind && n.version == version && n.region.equals(region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, version, region);
    }

    @Override
    public String toString() {
        return kind + " v" + version + region.map(r -> " (" + r.code() + ")").orElse("");
    }

    private enum Kind {
        EMAIL(2), PHONE_E164(2), NAME(1), YEAR(1);

        private final int latest;

        Kind(int latest) {
            this.latest = latest;
        }
    }
}
