package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.rights.SubjectRights;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.BORIS;
import static dev.consentkit.crypto.AttackWorld.DPO;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.IneligibleRequestException;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectExport;
import dev.consentkit.core.rights.UnknownRequestException;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 3 (Medium): plaintext without a check. {@code openForSubject(subject, value,
 * Actor.system("anything"))} returned plaintext with no principal, purpose, consent or MFA check and
 * was audited as a subject export. The SPI now opens only for a data-subject request that the
 * protector looks up itself: an ACCESS or PORTABILITY request whose identity was verified and which
 * is not closed, and only values of that request's subject (M17 access, M19 export).
 */
class SubjectExportAttackTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void anyoneWithTheProtectorButNoRequestGetsNothing(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        SealedValue value = new SealedValue("client", "email", "row-1", stored);
        RequestId invented = RequestId.random();

        assertThatThrownBy(() -> w.crypto.openForRequest(invented, value, Actor.system("anything")))
                .isInstanceOf(UnknownRequestException.class).hasMessageNotContaining("anna");
        assertThat(w.audit(FieldCrypto.FIELD_OPENED)).isEmpty();
    }

    @ParameterizedTest(name = "an unverified {0} request opens nothing")
    @EnumSource(value = RequestType.class)
    void aRequestWhoseIdentityWasNotVerifiedOpensNothingAndTheRefusalIsAudited(RequestType type) {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        RequestId received = w.request(ANNA, type, false);

        assertThatThrownBy(() -> w.crypto.openForRequest(received, new SealedValue("client", "email", "row-1", stored),
                Actor.system("anything")))
                .isInstanceOfSatisfying(IneligibleRequestException.class, e -> {
                    assertThat(e.state()).isEqualTo(RequestState.RECEIVED);
                    assertThat(e.type()).isEqualTo(type);
                });
        assertThat(w.audit(FieldCrypto.FIELD_OPEN_REFUSED)).singleElement().satisfies(r -> {
            assertThat(r.event().actor()).isEqualTo(Actor.system("anything"));
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(r.event().subjectRef()).contains(w.kit.subjectRef(ANNA));
            assertThat(r.event().reference()).contains("request " + received + " client.email");
        });
        assertThat(w.audit(FieldCrypto.FIELD_OPENED)).isEmpty();
    }

    @ParameterizedTest(name = "a verified {0} request opens nothing")
    @EnumSource(value = RequestType.class, names = {"RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION", "WITHDRAWAL"})
    void aVerifiedRequestThatAsksForNoCopyOpensNothing(RequestType type) {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        RequestId verified = w.request(ANNA, type, true);

        assertThatThrownBy(() -> w.crypto.openForRequest(verified, new SealedValue("client", "email", "row-1", stored), DPO))
                .isInstanceOf(IneligibleRequestException.class)
                .hasMessage("request " + verified + " (" + type + ", IDENTITY_VERIFIED) does not open protected values: that"
                        + " needs an ACCESS or PORTABILITY request whose identity was verified and which is not closed");
    }

    @Test
    void aVerifiedAccessRequestOpensItsSubjectsValuesOnceAndNotAfterItWasAnswered() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String stored = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        SealedValue value = new SealedValue("client", "email", "row-1", stored);
        SubjectDataService data = SubjectDataService.builder(w.kit)
                .contributor(row(value)).build();
        RequestId access = w.request(ANNA, RequestType.ACCESS, true);

        SubjectExport export = data.export(access, DPO);

        assertThat(export.sections().get(0).records().get(0).values()).containsEntry("email", "anna@example.org");
        assertThat(SubjectRights.builder(w.kit).build().find(access).orElseThrow().state()).isEqualTo(RequestState.COMPLETED);
        assertThatThrownBy(() -> w.crypto.openForRequest(access, value, DPO))
                .as("the answered request is no key to the values any more").isInstanceOf(IneligibleRequestException.class);
        assertThat(w.audit(FieldCrypto.FIELD_OPENED)).singleElement()
                .satisfies(r -> assertThat(r.event().reference()).contains("request " + access + " client.email"));
    }

    @Test
    void aVerifiedRequestOfAnotherSubjectDoesNotOpenAnnasValue() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String annas = w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", ANNA), "anna@example.org");
        w.crypto.seal(MANAGER, ORDERS, EMAIL.at("row-2", BORIS), "boris@example.org");
        RequestId borisAsks = w.request(BORIS, RequestType.PORTABILITY, true);

        // the subject is the request's: Boris holds no key Anna's value names, and none of his was shredded
        // (issue 13 item 6: a missing key reads as erased only when a shred record names it)
        assertThatThrownBy(() -> w.crypto.openForRequest(borisAsks, new SealedValue("client", "email", "row-1", annas), DPO))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
    }

    @Test
    void noPublicWayLeftReturnsPlaintextWithoutAPrincipalOrARequest() {
        List<String> unchecked = Arrays.stream(FieldCrypto.class.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == FieldCrypto.class)
                .filter(m -> m.getReturnType() == String.class || m.getReturnType() == Optional.class)
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(p -> p == Principal.class || p == RequestId.class))
                .map(Method::getName).sorted().toList();

        // resealIfOld returns a ciphertext of the value the caller already holds; toString names the suite
        assertThat(unchecked).containsExactly("resealIfOld", "toString");
        assertThat(Arrays.stream(SubjectDataService.class.getMethods()).filter(m -> m.getName().equals("export")))
                .as("an export is made only for a request").allSatisfy(m ->
                        assertThat(m.getParameterTypes()).doesNotContain(SubjectId.class).contains(RequestId.class));
    }

    private static SubjectDataContributor row(SealedValue email) {
        return new SubjectDataContributor() {
            @Override
            public String name() {
                return "crm";
            }

            @Override
            public void contribute(SubjectId subject, ExportSink sink) {
                sink.record("client", Map.of("email", ExportValue.sealed(email)));
            }

            @Override
            public ContributorErasure erase(SubjectId subject, ErasureContext context) {
                return ContributorErasure.builder(context).build();
            }
        };
    }
}
