package dev.consentkit.core.spi;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A row lock of one subject: for a purpose (the consent scopes of that subject and purpose) or for
 * another area of the subject's data (its requests). Writers that lock the same one serialise until
 * the end of the transaction; locks are taken in {@link #ORDER} so that two units locking several never
 * deadlock.
 *
 * @param subject the subject
 * @param area a purpose id, or a name starting with {@code ~} for an area that is not a purpose
 */
public record SubjectLock(SubjectId subject, String area) implements Comparable<SubjectLock> {
    /** The one order every unit takes several locks in: subject id, then area (Java string order). */
    public static final Comparator<SubjectLock> ORDER = Comparator.comparing((SubjectLock l) -> l.subject().value())
            .thenComparing(SubjectLock::area);
    private static final Pattern AREA = Pattern.compile("~?[a-z][a-z0-9._-]{0,63}");

    /**
     * @throws IllegalArgumentException if the area is not a purpose id or {@code ~} and a lower-case name
     */
    public SubjectLock {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(area, "area");
        if (!AREA.matcher(area).matches()) {
            throw new IllegalArgumentException("a lock area is a purpose id or '~' and a lower-case name");
        }
    }

    /**
     * @param subject the subject
     * @param purpose the purpose
     * @return the lock of the subject's consent scopes of that purpose
     */
    public static SubjectLock of(SubjectId subject, PurposeId purpose) {
        return new SubjectLock(subject, Objects.requireNonNull(purpose, "purpose").value());
    }

    /**
     * @param subject the subject
     * @return the lock of the subject's data-subject requests
     */
    public static SubjectLock requests(SubjectId subject) {
        return new SubjectLock(subject, "~requests");
    }

    @Override
    public int compareTo(SubjectLock other) {
        return ORDER.compare(this, other);
    }
}
