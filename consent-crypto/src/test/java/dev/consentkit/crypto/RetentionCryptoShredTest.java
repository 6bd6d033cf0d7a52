package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.rights.SubjectRights;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.DisposalAction;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.Period;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retention by crypto-shredding through the real field protector (M20: the act records crypto-erasure). */
class RetentionCryptoShredTest {
    private static final ProtectedField ORDER_EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    private static final RetentionPolicy NEWSLETTER_SHRED = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
            .keep(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL).action(DisposalAction.CRYPTO_SHRED)
            .keyGroups(KeyGroup.of("marketing")).build();

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final ConsentKit kit = Instances.kit(InMemoryStorage.create(), clock, AccessPolicy.builder(Fixtures.catalog())
            .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build());
    private final FieldCrypto crypto = FieldCrypto.builder(kit)
            .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
            .blindIndexKey(HmacKey.of(filled(9)))
            .fields(ORDER_EMAIL, NEWS_EMAIL)
            .build();
    private final SubjectId anna = SubjectId.of("client-1001");
    private final Principal manager = Principal.of("olga", "manager");

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    @Test
    void aWithdrawnNewsletterShredsOnlyItsKeyGroupAndTheActSaysCryptoErasure() {
        String orderEmail = crypto.seal(manager, ORDERS, ORDER_EMAIL.at("row-1", anna), "anna@example.org");
        String newsEmail = crypto.seal(manager, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        RetentionEngine retention = RetentionEngine.builder(kit).policy(NEWSLETTER_SHRED).build();
        clock.advance(Duration.ofDays(30));

        RetentionRun run = retention.run(Actor.system("nightly-retention"));

        assertThat(run.disposed()).isEqualTo(1);
        SealedValue news = new SealedValue("newsletter_sub", "email", "sub-1", newsEmail);
        RequestId access = SubjectRights.builder(kit).build().receive(anna, RequestType.ACCESS, Actor.operator("dpo")).id();
        SubjectRights.builder(kit).build().verifyIdentity(access, Actor.operator("dpo"));
        assertThat(crypto.openForRequest(access, news, Actor.operator("dpo"))).as("the marketing key is gone").isEmpty();
        assertThat(crypto.open(manager, ORDERS, ORDER_EMAIL.at("row-1", anna), orderEmail))
                .as("the contract key stays").isEqualTo("anna@example.org");
        DestructionAct act = retention.act(run.actId().orElseThrow()).orElseThrow();
        assertThat(act.methods()).containsExactly(DisposalAction.CRYPTO_SHRED);
        assertThat(DisposalAction.CRYPTO_SHRED.method()).startsWith("crypto-erasure");
        assertThat(retention.run(Actor.system("nightly-retention")).disposed()).isZero();
    }

    @Test
    void aShredRepeatedAfterAKilledRunDestroysNothingMoreAndTheActHasTheSubjectOnce() {
        crypto.seal(manager, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        AtomicInteger calls = new AtomicInteger();
        RetentionEngine retention = RetentionEngine.builder(kit).policy(NEWSLETTER_SHRED)
                .target(CategoryId.of("contact"), (batch, tx) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("killed after the shred (injected)");
                    }
                    return 0;
                }).build();
        clock.advance(Duration.ofDays(31));

        assertThatThrownBy(() -> retention.run(Actor.system("nightly-retention"))).hasMessageContaining("injected");
        assertThat(retention.acts()).isEmpty();

        RetentionRun rerun = retention.run(Actor.system("nightly-retention"));

        assertThat(rerun.disposed()).isEqualTo(1);
        assertThat(retention.acts()).singleElement().satisfies(a -> {
            assertThat(a.recordCount()).isEqualTo(1);
            assertThat(a.subjectRefs()).containsExactly(kit.subjectRef(anna));
        });
        List<WrappedKey> left = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(kit.subjectRef(anna)));
        assertThat(left).isEmpty();
    }

    @Test
    void aShredPolicyNeedsProtectedFieldsOfItsCategoryAndKnownGroups() {
        RetentionPolicy unknownGroup = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact")).id(PolicyId.of("x"))
                .keep(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL).action(DisposalAction.CRYPTO_SHRED)
                .keyGroups(KeyGroup.of("billing")).build();
        RetentionPolicy photos = RetentionPolicy.builder(dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO, CategoryId.of("photo"))
                .keep(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL).action(DisposalAction.CRYPTO_SHRED).build();

        assertThatThrownBy(() -> RetentionEngine.builder(kit).policy(unknownGroup).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[billing]");
        assertThatThrownBy(() -> RetentionEngine.builder(kit).policy(photos).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no protected field");
    }
}
