package dev.consentkit.core.rights;

import java.util.Map;

/**
 * Receives a contributor's records during an export. Not thread-safe; valid only during
 * {@link SubjectDataContributor#contribute}.
 */
public interface ExportSink {
    /**
     * Adds one record (one row of the host's table) to a named section.
     *
     * @param section the section name, a lower-case code such as {@code "invoices"}
     * @param fields the record's fields in the order they should appear (use a {@code LinkedHashMap});
     *               names of 1 to 64 printable characters; leave out absent values
     * @throws IllegalArgumentException if the section or a field name is malformed
     */
    void record(String section, Map<String, ExportValue> fields);
}
