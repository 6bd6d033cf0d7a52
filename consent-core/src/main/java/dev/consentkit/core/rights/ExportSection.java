package dev.consentkit.core.rights;

import java.util.List;
import java.util.Objects;

/**
 * A named section of an export: the records one contributor gave under one name.
 *
 * @param source the contributor's name
 * @param name the section name
 * @param records the records, in the order given
 */
public record ExportSection(String source, String name, List<ExportRecord> records) {
    /**
     * @throws IllegalArgumentException if a name is not a lower-case code
     */
    public ExportSection {
        ExportNames.code(source, "source");
        ExportNames.code(name, "section name");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }
}
