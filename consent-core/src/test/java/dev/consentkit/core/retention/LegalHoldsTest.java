package dev.consentkit.core.retention;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.hold.UnknownLegalHoldException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.UnknownPurposeException;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** M15: legal holds are placed and lifted with their audit events; bad input stores nothing. */
class LegalHoldsTest {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final Actor LAWYER = Actor.operator("lawyer-7");
    private final MutableClock clock = MutableClock.at("2026-03-02T10:15:30.123456789Z");
    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);

    private List<AuditRecord> audit() {
        return AuditTrail.of(kit).records(1, 100);
    }

    @Test
    void placingAndLiftingAreStoredAndAuditedWithThePseudonymousSubjectOnly() {
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(ANNA).andCategory(CategoryId.of("billing")), "tax audit 2026-17", LAWYER);

        assertThat(hold.placedAt()).isEqualTo("2026-03-02T10:15:30.123456Z");
        assertThat(hold.isActive()).isTrue();
        assertThat(LegalHolds.of(kit).activeFor(ANNA)).containsExactly(hold);
        assertThat(LegalHolds.of(kit).activeFor(SubjectId.of("client-2"))).isEmpty();
        clock.advance(Duration.ofDays(10));
        LegalHold lifted = LegalHolds.of(kit).lift(hold.id(), Actor.operator("lawyer-8"));

        assertThat(lifted.lifted()).map(LegalHold.Lifting::by).contains(Actor.operator("lawyer-8"));
        assertThat(LegalHolds.of(kit).find(hold.id())).contains(lifted);
        assertThat(LegalHolds.of(kit).active()).isEmpty();
        assertThat(audit()).extracting(r -> r.event().action()).containsExactly(LegalHolds.HOLD_PLACED, LegalHolds.HOLD_LIFTED);
        assertThat(audit()).allSatisfy(r -> {
            assertThat(r.event().subjectRef()).contains(kit.subjectRef(ANNA));
            assertThat(r.event().reference()).contains(hold.id().toString());
        });
        assertThat(audit().toString()).doesNotContain("tax audit").doesNotContain(ANNA.value());
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    @Test
    void liftingAnUnknownOrLiftedHoldIsAClearErrorAndAuditsNothing() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> LegalHolds.of(kit).lift(unknown, LAWYER))
                .isInstanceOf(UnknownLegalHoldException.class).hasMessage("no legal hold has id " + unknown);
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forPurpose(Fixtures.INVOICES), "court case", LAWYER);
        LegalHolds.of(kit).lift(hold.id(), LAWYER);

        assertThatThrownBy(() -> LegalHolds.of(kit).lift(hold.id(), LAWYER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was lifted already");
        assertThat(audit()).hasSize(2);
    }

    @Test
    void badScopesAndReasonsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> LegalHolds.of(kit).place(HoldScope.forPurpose(PurposeId.of("no-such")), "x", LAWYER))
                .isInstanceOf(UnknownPurposeException.class);
        assertThatThrownBy(() -> LegalHolds.of(kit).place(HoldScope.forCategory(CategoryId.of("health")), "x", LAWYER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown data category 'health'");
        assertThatThrownBy(() -> LegalHolds.of(kit).place(HoldScope.forSubject(ANNA), " ", LAWYER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> LegalHolds.of(kit).place(HoldScope.forSubject(ANNA), "x".repeat(257), LAWYER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegalHolds.of(kit).place(HoldScope.forSubject(ANNA), "line\nbreak", LAWYER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoldScope(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names a subject, a purpose or a data category");

        assertThat(LegalHolds.of(kit).active()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void aScopeCoversExactlyWhatItNames() {
        HoldScope annaBilling = HoldScope.forSubject(ANNA).andCategory(CategoryId.of("billing"));
        SubjectId bob = SubjectId.of("client-2");

        assertThat(annaBilling.covers(ANNA, Fixtures.INVOICES, CategoryId.of("billing"))).isTrue();
        assertThat(annaBilling.covers(ANNA, Fixtures.INVOICES, CategoryId.of("contact"))).isFalse();
        assertThat(annaBilling.covers(bob, Fixtures.INVOICES, CategoryId.of("billing"))).isFalse();
        assertThat(annaBilling.isWholeSubject()).isFalse();
        assertThat(HoldScope.forSubject(ANNA).isWholeSubject()).isTrue();
        assertThat(HoldScope.forPurpose(Fixtures.INVOICES).covers(bob, Fixtures.INVOICES, CategoryId.of("billing"))).isTrue();
        assertThat(HoldScope.forPurpose(Fixtures.INVOICES).coversCategory(bob, CategoryId.of("billing"))).as("needs the purpose").isFalse();
        assertThat(HoldScope.forCategory(CategoryId.of("billing")).coversCategory(bob, CategoryId.of("billing"))).isTrue();
        assertThat(HoldScope.forSubject(ANNA).toString()).doesNotContain(ANNA.value());
    }
}
