package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The design studio the issue-12 attack tests run against: a manager who may read, write and search
 * contact details, a designer granted only order details, the client e-mail (contact, contract
 * group), the newsletter e-mail (contact, marketing group), an order note (order) and the e-mail
 * index, declared to one {@link FieldCrypto}; access monitoring watches with small thresholds.
 */
final class AttackWorld {
    static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    static final ProtectedField ORDER_NOTE = ProtectedField.of("studio_order", "note", CategoryId.of("order"), KeyGroup.of("contract"));
    static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    static final Principal MANAGER = Principal.of("olga", "manager");
    static final Principal DESIGNER = Principal.of("ivan", "designer");
    static final Actor DPO = Actor.operator("dpo");
    static final SubjectId ANNA = SubjectId.of("client-1001");
    static final SubjectId BORIS = SubjectId.of("client-1002");

    final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    final List<MonitoringAlert> alerts = new ArrayList<>();
    final ConsentKit kit;
    final FieldCrypto crypto;

    AttackWorld(ConsentStorage storage) {
        ProcessingCatalog catalog = Fixtures.catalog();
        kit = ConsentKit.builder().catalog(catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(AccessPolicy.builder(catalog)
                        .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact"))
                        .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
                        .grant("designer").purposes(ORDERS).categories(CategoryId.of("order"))
                        .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
                        .build())
                .build();
        AccessMonitoring.builder(kit)
                .policy(MonitoringPolicy.builder().maxOpens(5).maxDistinctSubjects(5).maxDenialsInARow(3).build())
                .alertListener(alerts::add).build();
        crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(filled(9)))
                .fields(EMAIL, NEWS_EMAIL, ORDER_NOTE)
                .blindIndex(EMAIL_INDEX)
                .build();
    }

    static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    List<AuditRecord> audit() {
        return AuditTrail.of(kit).records(1, 10_000);
    }

    List<AuditRecord> audit(AuditAction action) {
        return audit().stream().filter(r -> r.event().action().equals(action)).toList();
    }

    List<WrappedKey> keysOf(SubjectId subject) {
        return KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(kit.subjectRef(subject)));
    }

    /** A request of the subject, received (the host's directory knows its clients) and, if asked, identity-verified. */
    RequestId request(SubjectId subject, RequestType type, boolean verified) {
        RequestId id = SubjectRights.builder(kit).directory(known -> true).build().receive(subject, type, DPO).id();
        if (verified) {
            SubjectRights.builder(kit).build().verifyIdentity(id, DPO);
        }
        return id;
    }
}
