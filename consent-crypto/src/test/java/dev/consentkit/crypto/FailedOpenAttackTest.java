package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.DPO;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 7 (Low): parse and decryption failures on open were not audited, while policy
 * refusals were — someone probing with forged, altered or moved ciphertexts left no trace. Every
 * failure on the value itself is now audited as {@code field.open_failed}, with the field and the
 * reason class ({@code malformed}, {@code version-binding}, {@code not-authentic}), never the value,
 * and access monitoring watches it (M21 accountability).
 */
class FailedOpenAttackTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void forgedAlteredAndMovedValuesAreAuditedWithTheirReasonClassAndNoValue(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");

        String forged = "ck1.not-a-ciphertext";
        String altered = flipLastByte(stored);
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), forged)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), altered)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-2", ANNA), stored)).isInstanceOf(DecryptionException.class);

        List<AuditRecord> failed = w.audit(FieldCrypto.FIELD_OPEN_FAILED);
        assertThat(failed).extracting(r -> r.event().reference().orElseThrow())
                .containsExactly("malformed: client.email", "not-authentic: client.email", "not-authentic: client.email");
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(r.event().actor()).isEqualTo(Actor.operator("olga"));
            assertThat(r.event().purpose()).contains(ORDERS);
            assertThat(r.event().subjectRef()).contains(w.kit.subjectRef(ANNA));
            assertThat(r.toString()).doesNotContain("anna@").doesNotContain(stored.substring(4, 20))
                    .doesNotContain("not-a-ciphertext").doesNotContain("client-1001");
        });
        assertThat(AuditTrail.of(w.kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void failuresOnTheExportAndResealPathsAreAuditedToo() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        RequestId access = w.request(ANNA, RequestType.ACCESS, true);

        assertThatThrownBy(() -> w.crypto.openForRequest(access, new SealedValue("client", "email", "row-1", "ck1.AAAA"), DPO))
                .isInstanceOf(DecryptionException.class);
        assertThat(w.crypto.resealIfOld(EMAIL.at("row-1", ANNA), flipLastByte(stored)))
                .as("under the current key: nothing to reseal, so nothing is opened").isEmpty();
        w.crypto.rotateDataKey(ANNA, KeyGroup.of("contract"));
        assertThatThrownBy(() -> w.crypto.resealIfOld(EMAIL.at("row-1", ANNA), flipLastByte(stored)))
                .isInstanceOf(DecryptionException.class);

        assertThat(w.audit(FieldCrypto.FIELD_OPEN_FAILED)).extracting(r -> r.event().actor(), r -> r.event().reference().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DPO, "malformed: request " + access + " client.email"),
                        org.assertj.core.groups.Tuple.tuple(Actor.system("field-crypto"), "not-authentic: client.email"));
    }

    @Test
    void monitoringCountsFailedOpeningsLikeOpenings() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");

        for (int i = 0; i < 6; i++) {
            String probe = "ck1.probe" + i;
            assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), probe))
                    .isInstanceOf(DecryptionException.class);
        }

        assertThat(MonitoringPolicy.defaults().watches(FieldCrypto.FIELD_OPEN_FAILED)).isTrue();
        AuditTrail.of(w.kit).flushReads(); // the monitor hears read audits once their batch is written (within 100 ms)
        assertThat(w.alerts).extracting(a -> a.rule()).contains(AlertRule.OPENS_PER_WINDOW);
    }

    private static String flipLastByte(String text) {
        byte[] bytes = Base64.getUrlDecoder().decode(text.substring(4));
        bytes[bytes.length - 1] ^= 0x01;
        return "ck1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
