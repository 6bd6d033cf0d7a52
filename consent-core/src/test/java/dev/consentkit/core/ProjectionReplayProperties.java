package dev.consentkit.core;

import dev.consentkit.AuditTrail;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.ConsentWorld.Op;
import dev.consentkit.core.ConsentWorld.Step;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.LedgerEntry;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The projection is nothing but the ledger replayed (M4: the ledger is the record, the projection a
 * cache of it), and every call writes exactly its ledger events and one audit record per event
 * (M21), whatever a host does in whatever order.
 */
class ProjectionReplayProperties {

    @Provide
    Arbitrary<List<Op>> operations() {
        return ConsentWorld.sequences(40);
    }

    /** M4, M21: after every step the projection equals a replay of the ledger; a refusal stores nothing. */
    @Property(tries = 200)
    void projectionEqualsReplayOfTheLedgerAfterEveryStep_M4_M21(@ForAll("operations") List<Op> operations) {
        ConsentWorld world = new ConsentWorld();
        for (Op op : operations) {
            StorageSnapshot before = world.snapshot();
            Step step = world.run(op);
            StorageSnapshot after = world.snapshot();

            if (step.refusal().isPresent()) {
                assertThat(after).as("%s was refused (%s) and must store nothing", op, step.refusal().get())
                        .isEqualTo(before);
            } else {
                assertWroteExactlyItsEvents(world, op, step, before, after);
            }
            assertThat(after.projection()).as("projection after %s", op)
                    .isEqualTo(ConsentProjector.replay(after.ledger()));
        }
        assertThat(AuditTrail.of(world.kit).verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                intact -> assertThat(intact.records()).isEqualTo(world.snapshot().audit().size()));
    }

    private static void assertWroteExactlyItsEvents(ConsentWorld world, Op op, Step step, StorageSnapshot before,
                                                    StorageSnapshot after) {
        int known = before.ledger().size();
        List<LedgerEntry> added = after.ledger().subList(known, after.ledger().size());
        // a repeated idempotency key returns the earlier entry unchanged and appends nothing
        for (LedgerEntry returned : step.entries()) {
            if (returned.sequence() <= known) {
                assertThat(before.ledger().get((int) returned.sequence() - 1)).as("replay of %s", op)
                        .isEqualTo(returned);
            }
        }
        assertThat(added).as("ledger entries appended by %s", op)
                .containsExactlyElementsOf(step.entries().stream().filter(e -> e.sequence() > known).toList());
        assertThat(after.ledger().subList(0, known)).as("earlier entries are never changed").isEqualTo(before.ledger());

        List<AuditRecord> audited = after.audit().subList(before.audit().size(), after.audit().size());
        assertThat(audited).as("one audit record per appended event of %s", op).hasSameSizeAs(added);
        for (int i = 0; i < added.size(); i++) {
            LedgerEntry entry = added.get(i);
            AuditRecord record = audited.get(i);
            assertThat(record.event().reference()).contains(entry.event().id().toString());
            assertThat(record.event().subjectRef()).contains(world.kit.subjectRef(entry.event().scope().subject()));
            assertThat(record.event().purpose()).contains(entry.event().scope().purpose());
        }
    }
}
