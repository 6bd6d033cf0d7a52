package dev.consentkit.core.transparency;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed for the client between two versions of the processing catalogue, and whether the
 * change is major (clients must consent again, DESIGN §2 notice versions) or minor.
 *
 * <p>Major: the controller changed; a purpose's legal basis changed; a purpose collects a new data
 * category, shares with a new recipient or keeps data longer (or from another moment); a consent
 * notice's major version grew. Minor: a purpose was added (its consent is asked separately) or
 * removed, less data, fewer recipients, shorter retention, new wording, a notice's minor version.
 * {@link Transparency#changeNotes} renders them in plain words.
 *
 * <pre>{@code
 * ChangeNotes notes = ChangeNotes.between(lastRelease, catalog);
 * if (!notes.noticeNotRenewed().isEmpty()) { fail the deployment: consents would silently carry over }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ChangeNotes {
    /** The kinds of change. */
    public enum Kind {
        /** The controller's name or address changed. */
        CONTROLLER_CHANGED(true),
        /** A new purpose; under consent, its consent is asked for separately. */
        PURPOSE_ADDED(false),
        /** A purpose is no longer pursued. */
        PURPOSE_REMOVED(false),
        /** The legal basis of a purpose changed. */
        BASIS_CHANGED(true),
        /** A purpose processes a new data category. */
        CATEGORY_ADDED(true),
        /** A purpose no longer processes a data category. */
        CATEGORY_REMOVED(false),
        /** A purpose shares data with a new recipient. */
        RECIPIENT_ADDED(true),
        /** A purpose no longer shares data with a recipient. */
        RECIPIENT_REMOVED(false),
        /** A purpose keeps data longer, or counts the period from another moment. */
        RETENTION_LONGER(true),
        /** A purpose keeps data for a shorter time. */
        RETENTION_SHORTER(false),
        /** The consent notice has a new major version. */
        NOTICE_MAJOR(true),
        /** The consent notice has a new minor version (a correction). */
        NOTICE_MINOR(false),
        /** The name, description or consent phrase of a purpose was reworded. */
        WORDING_CHANGED(false);

        private final boolean major;

        Kind(boolean major) {
            this.major = major;
        }

        /** @return whether a change of this kind needs the client's consent again */
        public boolean major() {
            return major;
        }
    }

    /**
     * One change.
     *
     * @param kind what changed
     * @param purpose the purpose concerned; empty for {@link Kind#CONTROLLER_CHANGED}
     * @param detail the category id, the recipient's name or the new notice version concerned, if any
     */
    public record Change(Kind kind, Optional<PurposeId> purpose, Optional<String> detail) {
        /** Checks for nulls. */
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return whether it needs the client's consent again */
        public boolean major() {
            return kind.major();
        }
    }

    private final ProcessingCatalog before;
    private final ProcessingCatalog after;
    private final List<Change> changes;

    private ChangeNotes(ProcessingCatalog before, ProcessingCatalog after, List<Change> changes) {
        this.before = before;
        this.after = after;
        this.changes = List.copyOf(changes);
    }

    /**
     * @param before the catalogue in force so far
     * @param after the new catalogue
     * @return what changed, purposes in the new catalogue's order, removed purposes last
     */
    public static ChangeNotes between(ProcessingCatalog before, ProcessingCatalog after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<Change> changes = new ArrayList<>();
        if (!before.controller().name().equals(after.controller().name())
                || !before.controller().address().equals(after.controller().address())) {
            changes.add(new Change(Kind.CONTROLLER_CHANGED, Optional.empty(), Optional.empty()));
        }
        for (Purpose p : after.purposes()) {
            Optional<Purpose> old = before.purpose(p.id());
            if (old.isEmpty()) {
                changes.add(change(Kind.PURPOSE_ADDED, p, null));
                continue;
            }
            Purpose o = old.get();
            if (o.basis() != p.basis()) {
                changes.add(change(Kind.BASIS_CHANGED, p, null));
            }
            for (CategoryId c : new TreeSet<>(p.categories())) {
                if (!o.categories().contains(c)) {
                    changes.add(change(Kind.CATEGORY_ADDED, p, c.value()));
                }
            }
            for (CategoryId c : new TreeSet<>(o.categories())) {
                if (!p.categories().contains(c)) {
                    changes.add(change(Kind.CATEGORY_REMOVED, p, c.value()));
                }
            }
            Set<String> oldRecipients = names(o.recipients());
            Set<String> newRecipients = names(p.recipients());
            newRecipients.stream().filter(r -> !oldRecipients.contains(r))
                    .forEach(r -> changes.add(change(Kind.RECIPIENT_ADDED, p, r)));
            oldRecipients.stream().filter(r -> !newRecipients.contains(r))
                    .forEach(r -> changes.add(change(Kind.RECIPIENT_REMOVED, p, r)));
            retention(o.retention(), p.retention()).ifPresent(k -> changes.add(change(k, p, null)));
            noticeChange(before, after, o, p).ifPresent(changes::add);
            if (!o.name().equals(p.name()) || !o.description().equals(p.description())
                    || !o.consentPhrase().equals(p.consentPhrase())) {
                changes.add(change(Kind.WORDING_CHANGED, p, null));
            }
        }
        for (Purpose o : before.purposes()) {
            if (after.purpose(o.id()).isEmpty()) {
                changes.add(change(Kind.PURPOSE_REMOVED, o, null));
            }
        }
        return new ChangeNotes(before, after, changes);
    }

    private static Change change(Kind kind, Purpose p, String detail) {
        return new Change(kind, Optional.of(p.id()), Optional.ofNullable(detail));
    }

    private static Set<String> names(List<Recipient> recipients) {
        Set<String> names = new LinkedHashSet<>();
        recipients.forEach(r -> names.add(r.name()));
        return names;
    }

    private static Optional<Kind> retention(Optional<RetentionDeclaration> before, Optional<RetentionDeclaration> after) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        if (before.isEmpty()) {
            return Optional.of(Kind.RETENTION_SHORTER);
        }
        if (after.isEmpty()) {
            return Optional.of(Kind.RETENTION_LONGER);
        }
        RetentionDeclaration b = before.get();
        RetentionDeclaration a = after.get();
        if (b.trigger() != a.trigger() || !b.businessEvent().equals(a.businessEvent())) {
            return Optional.of(Kind.RETENTION_LONGER);
        }
        int cmp = Long.compare(days(a.period()), days(b.period()));
        return cmp > 0 ? Optional.of(Kind.RETENTION_LONGER) : cmp < 0 ? Optional.of(Kind.RETENTION_SHORTER) : Optional.empty();
    }

    /** Upper bound in days, so "12 months" and "1 year" compare equal and never shorter than "360 days". */
    private static long days(Period p) {
        return p.toTotalMonths() * 31 + p.getDays();
    }

    private static Optional<Change> noticeChange(ProcessingCatalog before, ProcessingCatalog after, Purpose o, Purpose p) {
        Optional<Notice> oldNotice = o.notice().flatMap(before::notice);
        Optional<Notice> newNotice = p.notice().flatMap(after::notice);
        if (oldNotice.isEmpty() || newNotice.isEmpty()) {
            return Optional.empty();
        }
        int cmp = newNotice.get().current().compareTo(oldNotice.get().current());
        if (cmp <= 0 && newNotice.get().id().equals(oldNotice.get().id())) {
            return Optional.empty();
        }
        boolean major = !newNotice.get().id().equals(oldNotice.get().id())
                || !newNotice.get().current().sameMajor(oldNotice.get().current());
        return Optional.of(change(major ? Kind.NOTICE_MAJOR : Kind.NOTICE_MINOR, p, newNotice.get().current().toString()));
    }

    /** @return the catalogue in force so far */
    public ProcessingCatalog before() {
        return before;
    }

    /** @return the new catalogue */
    public ProcessingCatalog after() {
        return after;
    }

    /** @return every change, empty if nothing changed for the client */
    public List<Change> changes() {
        return changes;
    }

    /** @return whether any change is major */
    public boolean isMajor() {
        return changes.stream().anyMatch(Change::major);
    }

    /**
     * @return the consent purposes of the new catalogue whose clients must consent again: those with a
     *         major change, every one when the controller changed
     */
    public Set<PurposeId> reconsentNeeded() {
        Set<PurposeId> ids = new LinkedHashSet<>();
        boolean all = changes.stream().anyMatch(c -> c.kind() == Kind.CONTROLLER_CHANGED);
        for (Purpose p : after.purposes()) {
            boolean majorHere = changes.stream().anyMatch(c -> c.major() && c.purpose().equals(Optional.of(p.id())));
            boolean wasConsent = before.purpose(p.id()).isPresent();
            if (p.needsConsent() && wasConsent && (all || majorHere)) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /**
     * @return the purposes of {@link #reconsentNeeded()} whose notice still has the old major version:
     *         the kit would keep counting consents given to the old terms. Publish a new major version.
     */
    public Set<PurposeId> noticeNotRenewed() {
        Set<PurposeId> ids = new LinkedHashSet<>();
        for (PurposeId id : reconsentNeeded()) {
            boolean renewed = changes.stream().anyMatch(c -> c.kind() == Kind.NOTICE_MAJOR
                    && c.purpose().equals(Optional.of(id)));
            if (!renewed) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "ChangeNotes[" + changes.size() + " changes, " + (isMajor() ? "major" : "minor") + "]";
    }
}
