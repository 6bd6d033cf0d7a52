package dev.consentkit.examples.springbooking;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.crypto.AccessDeniedException;
import dev.consentkit.spring.jpa.SealedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every call the application makes to ConsentKit, in one place: the consent offers the booking form
 * shows (from the catalogue), giving and withdrawing consent, the client's consent states, their
 * export, and staff opening a sealed phone number.
 *
 * <p>Thread-safe (a stateless Spring bean).
 */
@Component
public class ConsentDesk {
    /** Who answers a client's own export request from their page. */
    static final Actor SELF_SERVICE = Actor.system("self-service-page");
    private final ConsentKit kit;
    private final SealedFields sealedFields;
    private final SubjectDataService subjectData;
    private final SubjectRights rights;

    /**
     * @param kit the kit (auto-configured)
     * @param sealedFields opens sealed entity fields (auto-configured)
     * @param subjectData answers access and portability requests
     */
    public ConsentDesk(ConsentKit kit, SealedFields sealedFields, SubjectDataService subjectData) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.sealedFields = Objects.requireNonNull(sealedFields, "sealedFields");
        this.subjectData = Objects.requireNonNull(subjectData, "subjectData");
        this.rights = SubjectRights.builder(kit).build();
    }

    /**
     * A consent the booking form asks for: the purpose and the exact notice text of its current
     * version, which the form shows as the checkbox's label and the ledger pins by SHA-256.
     *
     * @param purpose the purpose
     * @param name the purpose's name
     * @param text the notice text shown
     * @param version the notice version shown
     */
    public record Offer(PurposeId purpose, String name, String text, String version) {
        /** Checks for null. */
        public Offer {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Where a client's consent to one purpose stands.
     *
     * @param purpose the purpose
     * @param name its name
     * @param permitted whether it is given and valid now
     * @param state {@code given}, or the reason it is not: {@code never_given}, {@code withdrawn}, ...
     */
    public record State(PurposeId purpose, String name, boolean permitted, String state) {
        /** Checks for null. */
        public State {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * How the form was submitted; only keyed hashes of these are kept in the evidence.
     *
     * @param ipAddress the client's address
     * @param userAgent the browser, or null if it sent none
     */
    public record FormSubmission(String ipAddress, String userAgent) {
        /** Checks for null. */
        public FormSubmission {
            Objects.requireNonNull(ipAddress, "ipAddress");
        }
    }

    /**
     * One purpose as the form explains it.
     *
     * @param name the purpose's name
     * @param description what it is for
     * @param basis its legal basis, e.g. {@code contract} or {@code consent}
     */
    public record Use(String name, String description, String basis) {
        /** Checks for null. */
        public Use {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(basis, "basis");
        }
    }

    /** @return the controller's name, as the catalogue declares it */
    public String controller() {
        return kit.catalog().controller().name();
    }

    /** @return every purpose of the catalogue, as the form explains them */
    public List<Use> uses() {
        return kit.catalog().purposes().stream().map(p -> new Use(p.name().best(HarbourCatalog.LOCALE),
                p.description().best(HarbourCatalog.LOCALE), p.basis().name().toLowerCase(Locale.ROOT))).toList();
    }

    /** @return the purposes that need consent and have a notice, in catalogue order, with their current text */
    public List<Offer> offers() {
        List<Offer> offers = new ArrayList<>();
        for (Purpose p : kit.catalog().purposes()) {
            Optional<Notice> notice = p.notice().flatMap(kit.catalog()::notice);
            if (p.needsConsent() && notice.isPresent()) {
                NoticeVersion current = notice.get().current();
                String text = notice.get().text(current).flatMap(t -> t.in(HarbourCatalog.LOCALE)).orElseThrow();
                offers.add(new Offer(p.id(), p.name().best(HarbourCatalog.LOCALE), text, current.toString()));
            }
        }
        return offers;
    }

    /**
     * Records that the client ticked the box of {@code purpose} under the notice version shown. Joins
     * the caller's Spring transaction.
     *
     * @param subject the client
     * @param purpose the purpose ticked
     * @param versionShown the notice version the form showed
     * @param submission how the form came in
     * @throws dev.consentkit.core.purpose.UnknownNoticeVersionException if that version was never published
     */
    public void give(SubjectId subject, PurposeId purpose, String versionShown, FormSubmission submission) {
        var evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("booking-form").ipAddress(submission.ipAddress());
        if (submission.userAgent() != null) {
            evidence.userAgent(submission.userAgent());
        }
        kit.consent(subject, purpose).notice(versionShown, HarbourCatalog.LOCALE).evidence(evidence.build()).give();
    }

    /**
     * Withdraws the client's consent to {@code purpose} (the one button on their page).
     *
     * @param subject the client
     * @param purpose the purpose
     * @return false if there was nothing to withdraw (a second click)
     */
    public boolean withdraw(SubjectId subject, PurposeId purpose) {
        try {
            kit.consent(subject, purpose).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("client-page").build())
                    .withdraw();
            return true;
        } catch (NothingToWithdrawException e) {
            return false;
        }
    }

    /**
     * @param subject a client
     * @return their consent to each purpose that needs one
     */
    public List<State> states(SubjectId subject) {
        List<State> states = new ArrayList<>();
        for (Offer o : offers()) {
            Decision d = kit.check(subject, o.purpose());
            String state = d instanceof Decision.Denied denied ? denied.reason().name().toLowerCase(Locale.ROOT) : "given";
            states.add(new State(o.purpose(), o.name(), d.isPermitted(), state));
        }
        return states;
    }

    /**
     * Answers the client's portability request from their own page: everything held about them, the
     * phone number opened for them (audited with the request), as JSON.
     *
     * @param subject the client
     * @return the export, JSON
     */
    public String exportJson(SubjectId subject) {
        SubjectRequest request = rights.receive(subject, RequestType.PORTABILITY, Actor.subject());
        // the page's private link is the client's proof of identity in this example; see the README
        rights.verifyIdentity(request.id(), SELF_SERVICE);
        return ConsentJson.create().writeExport(subjectData.export(request.id(), SELF_SERVICE));
    }

    /**
     * Opens a client's phone number for the booking, as the signed-in staff member.
     *
     * @param client a loaded client
     * @return the number; empty if the policy does not let the current principal read it (the refusal is audited)
     */
    public Optional<String> phone(Client client) {
        try {
            return sealedFields.open(client.getPhone(), HarbourCatalog.BOOKING);
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }
}
