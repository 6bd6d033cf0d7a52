package dev.consentkit.core.rights;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.hold.LegalHold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from the catalogue's legal bases, the request and the active legal holds, which data
 * categories an erasure keeps and why. The mapping follows the W3C DPV GDPR legal-basis-to-rights
 * table: consent, legitimate interests and vital interests carry the right to erasure; a legal
 * obligation and a public task do not (Art. 17(3)(b)); a contract does once it is no longer being
 * performed (Art. 17(1)(a)).
 */
final class ErasurePlan {
    private final List<KeepReason> refusal;
    private final Map<CategoryId, KeepReason> kept;
    private final List<Purpose> inScope;

    private ErasurePlan(List<KeepReason> refusal, Map<CategoryId, KeepReason> kept, List<Purpose> inScope) {
        this.refusal = refusal;
        this.kept = kept;
        this.inScope = inScope;
    }

    static ErasurePlan of(ProcessingCatalog catalog, ErasureRequest request, List<LegalHold> holds) {
        SubjectId subject = request.subject();
        List<KeepReason> refusal = new ArrayList<>();
        for (LegalHold h : holds) {
            if (h.isActive() && h.scope().isWholeSubject() && h.scope().appliesTo(subject)) {
                refusal.add(holdReason(h));
            }
        }
        List<Purpose> inScope = new ArrayList<>();
        Map<CategoryId, KeepReason> kept = new LinkedHashMap<>();
        for (Purpose p : catalog.purposes()) {
            boolean requested = request.purposes().isEmpty() || request.purposes().contains(p.id());
            if (requested) {
                inScope.add(p);
            }
            Optional<KeepReason> reason = requested ? basisReason(p, request) : Optional.of(new KeepReason(
                    KeepGround.NOT_REQUESTED, "purpose " + p.id() + " still uses it and is not part of this erasure"));
            for (CategoryId category : p.categories()) {
                Optional<KeepReason> hold = holds.stream()
                        .filter(h -> h.isActive() && h.scope().covers(subject, p.id(), category))
                        .findFirst().map(ErasurePlan::holdReason);
                Optional<KeepReason> why = hold.isPresent() ? hold : reason;
                // a hold outranks a basis; otherwise the first purpose that keeps the category explains it
                why.ifPresent(r -> kept.merge(category, r,
                        (old, now) -> now.ground() == KeepGround.LEGAL_HOLD && old.ground() != KeepGround.LEGAL_HOLD ? now : old));
            }
        }
        for (LegalHold h : holds) {
            h.scope().category().filter(c -> h.isActive() && h.scope().coversCategory(subject, c))
                    .ifPresent(c -> kept.put(c, holdReason(h)));
        }
        return new ErasurePlan(List.copyOf(refusal), Map.copyOf(kept), List.copyOf(inScope));
    }

    private static KeepReason holdReason(LegalHold h) {
        return new KeepReason(KeepGround.LEGAL_HOLD, "legal hold " + h.id() + ": " + h.reason());
    }

    private static Optional<KeepReason> basisReason(Purpose p, ErasureRequest request) {
        String retention = p.retention().map(RetentionDeclaration::inWords).orElse("for as long as the law requires");
        return switch (p.basis()) {
            case CONSENT, LEGITIMATE_INTERESTS, VITAL_INTERESTS -> Optional.empty();
            case CONTRACT -> request.contractsRunning().contains(p.id())
                    ? Optional.of(new KeepReason(KeepGround.CONTRACT_RUNNING, "purpose " + p.id()
                            + " (dpv:Contract): the contract is still being performed (GDPR Art. 6(1)(b), 17(1)(a))"))
                    : Optional.empty();
            case LEGAL_OBLIGATION -> Optional.of(new KeepReason(KeepGround.LEGAL_OBLIGATION, "purpose " + p.id()
                    + " (dpv:LegalObligation): no right to erasure (GDPR Art. 17(3)(b)); kept " + retention));
            case PUBLIC_TASK -> Optional.of(new KeepReason(KeepGround.PUBLIC_TASK, "purpose " + p.id()
                    + " (dpv:PublicInterest): no right to erasure (GDPR Art. 17(3)(b)); kept " + retention));
        };
    }

    /** @return reasons of the holds on the whole subject; an erasure with any is refused */
    List<KeepReason> refusal() {
        return refusal;
    }

    /** @return the kept categories and why */
    Map<CategoryId, KeepReason> kept() {
        return kept;
    }

    /** @return the purposes the request covers, in catalogue order */
    List<Purpose> inScope() {
        return inScope;
    }

    boolean isFullErasure(ErasureRequest request) {
        return request.purposes().isEmpty();
    }

    /** @return the purposes the request names that the catalogue does not declare */
    static List<PurposeId> unknown(ProcessingCatalog catalog, ErasureRequest request) {
        List<PurposeId> unknown = new ArrayList<>();
        for (PurposeId p : request.purposes()) {
            if (catalog.purpose(p).isEmpty()) {
                unknown.add(p);
            }
        }
        for (PurposeId p : request.contractsRunning()) {
            if (catalog.purpose(p).isEmpty()) {
                unknown.add(p);
            }
        }
        return unknown;
    }
}
