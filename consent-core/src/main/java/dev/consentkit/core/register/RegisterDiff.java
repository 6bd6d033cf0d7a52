package dev.consentkit.core.register;

import dev.consentkit.core.PurposeId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two versions of the register of processing: purposes added and removed, and
 * each changed field of the purposes in both, as text.
 *
 * <p>152-FZ Art. 22 part 7 asks for changes to the notification of processing by the 15th of the
 * month following the change (since 1 March 2023; R-RU-23): {@link #authorityNoticeDue()} gives that
 * date, taking the newer version's generation as the change date - regenerate the register whenever
 * the processing changes. Immutable and thread-safe.
 *
 * @param olderAt when the older version was generated
 * @param newerAt when the newer version was generated
 * @param added purposes only in the newer version
 * @param removed purposes only in the older version
 * @param changed changed fields of the purposes in both, in row then column order
 */
public record RegisterDiff(Instant olderAt, Instant newerAt, List<PurposeId> added, List<PurposeId> removed,
                           List<Change> changed) {
    /**
     * One changed field.
     *
     * @param purpose the purpose
     * @param field the column, as in {@link ProcessingRecord#COLUMNS}
     * @param before the older text
     * @param after the newer text
     */
    public record Change(PurposeId purpose, String field, String before, String after) {
        /** Checks for nulls. */
        public Change {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Copies the lists. */
    public RegisterDiff {
        Objects.requireNonNull(olderAt, "olderAt");
        Objects.requireNonNull(newerAt, "newerAt");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /**
     * @param older the earlier version
     * @param newer the later version
     * @return what changed from {@code older} to {@code newer}
     */
    public static RegisterDiff between(ProcessingRegister older, ProcessingRegister newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        List<PurposeId> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (ProcessingRecord n : newer.records()) {
            Optional<ProcessingRecord> o = older.record(n.purpose());
            if (o.isEmpty()) {
                added.add(n.purpose());
                continue;
            }
            Map<String, String> before = o.get().fields();
            n.fields().forEach((field, after) -> {
                if (!after.equals(before.get(field))) {
                    changed.add(new Change(n.purpose(), field, before.get(field), after));
                }
            });
        }
        List<PurposeId> removed = older.records().stream().map(ProcessingRecord::purpose)
                .filter(p -> newer.record(p).isEmpty()).toList();
        return new RegisterDiff(older.generatedAt(), newer.generatedAt(), added, removed, changed);
    }

    /** @return whether nothing changed */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * @return the 15th of the month after the newer version's month (UTC) when anything changed: the
     *         last day to notify Roskomnadzor of the change (152-FZ Art. 22 part 7); empty when nothing changed
     */
    public Optional<LocalDate> authorityNoticeDue() {
        if (isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(newerAt.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1).withDayOfMonth(15));
    }

    /** @return the changes as Markdown: a list of added and removed purposes and a table of changed fields */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("# Changes to the register of processing\n\n");
        out.append("- From: ").append(olderAt).append('\n');
        out.append("- To: ").append(newerAt).append('\n');
        authorityNoticeDue().ifPresent(d -> out.append("- Notify the authority of the changes by: ").append(d)
                .append(" (152-FZ Art. 22 part 7)\n"));
        if (isEmpty()) {
            return out.append("\nNo changes.\n").toString();
        }
        added.forEach(p -> out.append("- Added purpose: `").append(p.value()).append("`\n"));
        removed.forEach(p -> out.append("- Removed purpose: `").append(p.value()).append("`\n"));
        if (!changed.isEmpty()) {
            out.append("\n| Purpose | Field | Before | After |\n|---|---|---|---|\n");
            for (Change c : changed) {
                out.append("| `").append(c.purpose().value()).append("` | ").append(c.field()).append(" | ")
                        .append(RegisterText.inline(c.before())).append(" | ").append(RegisterText.inline(c.after()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }
}
