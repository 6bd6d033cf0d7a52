package dev.consentkit.core;

import dev.consentkit.ConsentKit;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.ConsentWorld.Capture;
import dev.consentkit.core.ConsentWorld.Op;
import dev.consentkit.core.ConsentWorld.Verb;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.NothingToWithdrawException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A consent that was withdrawn (M6), refused, revoked, expired (M7) or invalidated by a major notice
 * change (M7) never permits processing: whatever happened before, once the last word on a scope is
 * one of those, {@code check} on that scope and on every narrower one is denied with that reason.
 */
class ConsentValidityProperties {

    /** How the history of the target scope ends. */
    enum Ending {
        WITHDRAWN(DenialReason.WITHDRAWN),
        REVOKED(DenialReason.REVOKED),
        REFUSED(DenialReason.REFUSED),
        REQUESTED(DenialReason.AWAITING_ANSWER),
        EXPIRED_BY_TIME(DenialReason.EXPIRED),
        EXPIRED_BY_SWEEP(DenialReason.EXPIRED),
        INVALIDATED(DenialReason.INVALIDATED);

        final DenialReason reason;

        Ending(DenialReason reason) {
            this.reason = reason;
        }

        /** Expiry runs only under the newsletter's 12-month validity; only its notice gets a new major. */
        boolean needsNewsletter() {
            return this == EXPIRED_BY_TIME || this == EXPIRED_BY_SWEEP || this == INVALIDATED;
        }
    }

    /** The scope whose history ends: subject, consent purpose, optional channel and asset. */
    record Target(int subject, PurposeId purpose, Optional<Channel> channel, Optional<AssetId> asset) {
        ConsentScope scope() {
            return new ConsentScope(ConsentWorld.SUBJECTS.get(subject), purpose, channel, asset);
        }

        Capture capture(Verb verb) {
            return new Capture(verb, subject, purpose, channel, asset, RU, false, Optional.empty(), Duration.ZERO);
        }
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        return ConsentWorld.sequences(30);
    }

    @Provide
    Arbitrary<Target> targets() {
        return Combinators.combine(ConsentWorld.subjects(), Arbitraries.of(NEWSLETTER, PORTFOLIO),
                ConsentWorld.channels(), ConsentWorld.assets()).as(Target::new);
    }

    @Provide
    Arbitrary<Duration> lapses() {
        return Arbitraries.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(400));
    }

    /** M6, M7: after any history ending in a non-valid status, the scope and everything under it is denied. */
    @Property(tries = 300)
    void anEndedConsentNeverPermits_M6_M7(@ForAll("histories") List<Op> history, @ForAll("targets") Target chosen,
                                          @ForAll Ending ending, @ForAll("lapses") Duration beyondValidity) {
        ConsentWorld world = new ConsentWorld();
        history.forEach(world::run);
        Target target = ending.needsNewsletter()
                ? new Target(chosen.subject(), NEWSLETTER, chosen.channel(), chosen.asset())
                : chosen;

        LedgerEntry last = end(world, target, ending, beyondValidity);

        assertThat(last.event().scope()).isEqualTo(target.scope());
        DenialReason expected = expectedReason(world, target, ending);
        for (ConsentScope scope : scopesUnder(target.scope())) {
            // the catalogue before and after the major notice change decide alike
            for (ConsentKit kit : List.of(world.kit, world.kitV2)) {
                assertThat(kit.check(scope)).as("check(%s) after %s", scope, ending)
                        .isEqualTo(new Decision.Denied(scope, expected));
            }
        }
        if (target.asset().isEmpty()) {
            SubjectId subject = target.scope().subject();
            Map<SubjectId, Decision> bulk = target.channel().isPresent()
                    ? world.kit.checkAll(List.of(subject), target.purpose(), target.channel().get())
                    : world.kit.checkAll(List.of(subject), target.purpose());
            assertThat(bulk.get(subject)).as("bulk check agrees")
                    .isEqualTo(new Decision.Denied(target.scope(), expected));
        }
    }

    /**
     * Consent is specific (M5, GDPR Art. 4(11)): whatever happened, a consent purpose is permitted for a
     * scope only if a GIVEN event was recorded for that scope or one covering it. Renewal re-confirms a
     * consent, it never widens one.
     */
    @Property(tries = 300)
    void nothingIsPermittedThatNoGivenConsentCovers_M5(@ForAll("histories") List<Op> history) {
        ConsentWorld world = new ConsentWorld();
        history.forEach(world::run);
        List<LedgerEntry> ledger = world.snapshot().ledger();

        for (SubjectId subject : ConsentWorld.SUBJECTS) {
            for (PurposeId purpose : List.of(NEWSLETTER, PORTFOLIO)) {
                for (ConsentScope scope : scopesUnder(ConsentScope.of(subject, purpose))) {
                    for (ConsentKit kit : List.of(world.kit, world.kitV2)) {
                        if (kit.check(scope).isPermitted()) {
                            assertThat(ledger).as("%s is permitted, so a given consent covers it", scope)
                                    .anySatisfy(e -> {
                                        assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
                                        assertThat(e.event().scope().covers(scope)).isTrue();
                                    });
                        }
                    }
                }
            }
        }
    }

    /** Records the ending on the target scope and returns the last ledger entry of that scope. */
    private static LedgerEntry end(ConsentWorld world, Target target, Ending ending, Duration beyondValidity) {
        switch (ending) {
            case WITHDRAWN, REVOKED -> {
                Verb verb = ending == Ending.WITHDRAWN ? Verb.WITHDRAW : Verb.REVOKE;
                try {
                    // a wider or narrower valid consent may already be there to withdraw
                    return world.capture(target.capture(verb));
                } catch (NothingToWithdrawException e) {
                    world.capture(target.capture(Verb.GIVE));
                    return world.capture(target.capture(verb));
                }
            }
            case REFUSED -> {
                return world.capture(target.capture(Verb.REFUSE));
            }
            case REQUESTED -> {
                return world.capture(target.capture(Verb.REQUEST));
            }
            case EXPIRED_BY_TIME -> {
                LedgerEntry given = world.capture(target.capture(Verb.GIVE));
                world.clock.set(given.event().validUntil().orElseThrow().plus(beyondValidity));
                return given;
            }
            case EXPIRED_BY_SWEEP -> {
                LedgerEntry given = world.capture(target.capture(Verb.GIVE));
                world.clock.set(given.event().validUntil().orElseThrow().plus(beyondValidity));
                List<LedgerEntry> swept = world.kit.expireLapsed();
                assertThat(swept).as("the sweep expires the target")
                        .anySatisfy(e -> {
                            assertThat(e.event().scope()).isEqualTo(target.scope());
                            assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.EXPIRED);
                        });
                return lastOf(swept, target.scope());
            }
            case INVALIDATED -> {
                world.capture(target.capture(Verb.GIVE));
                List<LedgerEntry> swept = world.kitV2.invalidateOutdated();
                assertThat(swept).as("the notice sweep invalidates the target")
                        .anySatisfy(e -> {
                            assertThat(e.event().scope()).isEqualTo(target.scope());
                            assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.INVALIDATED);
                        });
                return lastOf(swept, target.scope());
            }
            default -> throw new AssertionError(ending);
        }
    }

    private static LedgerEntry lastOf(List<LedgerEntry> entries, ConsentScope scope) {
        return entries.stream().filter(e -> e.event().scope().equals(scope)).reduce((a, b) -> b).orElseThrow();
    }

    /** Restriction and objection (Art. 18, 21) come first in a decision; otherwise the ending's reason. */
    private static DenialReason expectedReason(ConsentWorld world, Target target, Ending ending) {
        Optional<ConsentState> whole = world.wholePurposeState(target.scope().subject(), target.purpose());
        if (whole.map(ConsentState::restricted).orElse(false)) {
            return DenialReason.RESTRICTED;
        }
        if (whole.map(ConsentState::objected).orElse(false)) {
            return DenialReason.OBJECTED;
        }
        return ending.reason;
    }

    /** The scope itself and each narrowing of it by the channels and assets of the world. */
    private static List<ConsentScope> scopesUnder(ConsentScope scope) {
        List<ConsentScope> scopes = new ArrayList<>(List.of(scope));
        if (scope.channel().isEmpty()) {
            ConsentWorld.CHANNELS.forEach(c -> scopes.add(scope.withChannel(c.orElseThrow())));
        }
        if (scope.asset().isEmpty()) {
            for (ConsentScope s : List.copyOf(scopes)) {
                ConsentWorld.ASSETS.forEach(a -> scopes.add(s.withAsset(a.orElseThrow())));
            }
        }
        return scopes;
    }
}
