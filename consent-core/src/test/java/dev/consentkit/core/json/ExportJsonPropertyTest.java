package dev.consentkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentHistory;
import dev.consentkit.core.rights.ExportRecord;
import dev.consentkit.core.rights.ExportSection;
import dev.consentkit.core.rights.SubjectExport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * M17: any export the domain accepts is written as a bundle that validates against the shipped
 * schema and reads back equal, whatever text the host's fields hold (quotes, control characters,
 * any script).
 */
class ExportJsonPropertyTest {
    private final ConsentJson json = ConsentJson.create();
    private final SchemaCheck schema;

    ExportJsonPropertyTest() throws Exception {
        schema = new SchemaCheck(ConsentJson.exportSchema());
    }

    @Property(tries = 100)
    void everyExportValidatesAndReadsBackEqual(@ForAll("exports") SubjectExport export) throws Exception {
        String text = json.writeExport(export);

        assertThat(schema.validate(text)).isEmpty();
        assertThat(json.readExport(text)).isEqualTo(export);
    }

    @Provide
    Arbitrary<SubjectExport> exports() {
        Arbitrary<String> codes = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.codePoints().allMatch(Character::isValidCodePoint) && !hasLoneSurrogate(s));
        Arbitrary<String> fieldNames = Arbitraries.strings().alpha().numeric().withChars('_', ' ', 'é', 'ж')
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
        Arbitrary<ExportRecord> records = Combinators.combine(
                        Arbitraries.maps(fieldNames, anyText).ofMaxSize(5),
                        fieldNames.set().ofMaxSize(3))
                .as((values, sealedOnly) -> {
                    Map<String, String> v = new LinkedHashMap<>(values);
                    Set<String> protectedFields = new LinkedHashSet<>(values.keySet().stream().limit(2).toList());
                    Set<String> unreadable = new LinkedHashSet<>();
                    for (String s : sealedOnly) {
                        if (!v.containsKey(s)) {
                            protectedFields.add(s);
                            unreadable.add(s);
                        }
                    }
                    return new ExportRecord(v, protectedFields, unreadable);
                });
        Arbitrary<ExportSection> sections = Combinators.combine(codes, codes, records.list().ofMaxSize(4))
                .as(ExportSection::new);
        Arbitrary<SubjectId> subjects = Arbitraries.strings().withCharRange('!', '~').withChars('ж', '😀')
                .ofMinLength(1).ofMaxLength(30).filter(s -> s.strip().equals(s))
                // the emoji's two halves are drawn one by one: a lone one is no valid id (issue 12, finding 6)
                .filter(dev.consentkit.core.internal.Utf8::isWellFormed).map(SubjectId::of);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_102_444_800_000_000L)
                .map(us -> Instant.EPOCH.plusNanos(us * 1000));
        return Combinators.combine(subjects, times, sections.list().ofMaxSize(4))
                .as((subject, at, list) -> new SubjectExport(UUID.randomUUID(), subject,
                        new KeyedHash("A".repeat(43)), at, new ConsentHistory(subject, List.of()), List.of(), list));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
