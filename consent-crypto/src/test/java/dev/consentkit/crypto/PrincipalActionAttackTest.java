package dev.consentkit.crypto;

import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.DESIGNER;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.EMAIL_INDEX;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static dev.consentkit.crypto.AttackWorld.ORDER_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessDecision;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.spi.ConsentStorage;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 8 (Low): actions without a principal. {@code AccessAction} had SEARCH, WRITE and
 * ERASE, but {@code find}, {@code term}, {@code index}, {@code seal} and {@code shred} took no
 * principal, so no role was checked and monitoring saw nothing. Now {@code seal} and {@code index}
 * need WRITE and {@code find} needs SEARCH on the declared category, each refusal is audited, every
 * search is audited and watched; {@code term} is no longer public (a term is only good for a search);
 * ERASE is gone, because erasure is decided by verified requests, withdrawal and retention (M11, M21).
 */
class PrincipalActionAttackTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aRoleWithoutWriteCannotSealAValueOrPlantAnIndexEntry(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());

        assertThatThrownBy(() -> w.crypto.seal(DESIGNER, ORDERS, EMAIL.at("row-1", ANNA), "attacker@example.org"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED));
        assertThatThrownBy(() -> w.crypto.index(DESIGNER, ORDERS, EMAIL_INDEX, ANNA, "attacker@example.org"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(w.keysOf(ANNA)).as("no key was made").isEmpty();
        assertThat(w.crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "attacker@example.org")).as("no entry was planted").isEmpty();
        assertThat(w.audit(FieldCrypto.FIELD_WRITE_REFUSED)).hasSize(2).allSatisfy(r -> {
            assertThat(r.event().actor()).isEqualTo(Actor.operator("ivan"));
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(r.event().purpose()).contains(ORDERS);
            assertThat(r.toString()).doesNotContain("attacker");
        });
        assertThat(w.crypto.seal(DESIGNER, ORDERS, ORDER_NOTE.at("order-1", ANNA), "logo, two colours"))
                .as("the designer's own category").startsWith("ck1.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aRoleWithoutSearchCannotFindWhoHasAnEmailAndEverySearchIsAudited(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());
        w.crypto.index(MANAGER, ORDERS, EMAIL_INDEX, ANNA, "anna@example.org");

        assertThatThrownBy(() -> w.crypto.find(DESIGNER, ORDERS, EMAIL_INDEX, "anna@example.org"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED))
                .hasMessageNotContaining("anna");
        assertThat(w.crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "Anna@Example.org")).containsExactly(ANNA);

        assertThat(w.audit(FieldCrypto.INDEX_SEARCH_REFUSED)).singleElement()
                .satisfies(r -> assertThat(r.event().actor()).isEqualTo(Actor.operator("ivan")));
        assertThat(w.audit(FieldCrypto.INDEX_SEARCHED)).singleElement().satisfies(r -> {
            assertThat(r.event().actor()).isEqualTo(Actor.operator("olga"));
            assertThat(r.event().reference()).contains("index client.email");
            assertThat(r.event().subjectRef()).as("a search names no subject").isEmpty();
            assertThat(r.toString()).doesNotContain("anna");
        });
    }

    @Test
    void monitoringSeesBulkSearchesAndRepeatedRefusals() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());

        for (int i = 0; i < 6; i++) {
            w.crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "guess" + i + "@example.org");
        }
        for (int i = 0; i < 3; i++) {
            String guess = "guess" + i + "@example.org";
            assertThatThrownBy(() -> w.crypto.find(DESIGNER, ORDERS, EMAIL_INDEX, guess)).isInstanceOf(AccessDeniedException.class);
        }

        AuditTrail.of(w.kit).flushReads(); // the monitor hears read audits once their batch is written (within 100 ms)
        assertThat(w.alerts).extracting(a -> a.rule(), a -> a.principal())
                .contains(org.assertj.core.groups.Tuple.tuple(AlertRule.OPENS_PER_WINDOW, Actor.operator("olga")),
                        org.assertj.core.groups.Tuple.tuple(AlertRule.DENIALS_IN_A_ROW, Actor.operator("ivan")));
        MonitoringPolicy defaults = MonitoringPolicy.defaults();
        assertThat(defaults.watches(FieldCrypto.INDEX_SEARCHED) && defaults.watches(FieldCrypto.INDEX_SEARCH_REFUSED)
                && defaults.watches(FieldCrypto.FIELD_WRITE_REFUSED)).isTrue();
    }

    @Test
    void noUncheckedWayToComputeATermIsLeftAndNoEraseActionPretendsToBeChecked() {
        assertThat(Arrays.stream(FieldCrypto.class.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(java.lang.reflect.Method::getName)).doesNotContain("term");
        assertThat(Arrays.stream(FieldCrypto.class.getMethods()).filter(m -> m.getName().equals("shred")))
                .as("one way to shred: the SPI's, with the actor the erasure or retention path names").singleElement();
        assertThat(AccessAction.values()).containsExactly(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH);
    }
}
