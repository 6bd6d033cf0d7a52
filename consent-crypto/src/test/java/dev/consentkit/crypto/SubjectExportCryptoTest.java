package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ExportRecord;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectExport;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * M17, M20: the export opens a contributor's sealed fields for the subject through the real
 * {@link FieldCrypto}, audits every opening, and after crypto-shredding lists a field without
 * replacement as unreadable and one with a replacement by that replacement.
 */
class SubjectExportCryptoTest {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final Actor DPO = Actor.operator("dpo-1");
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("profile"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("profile"))
            .replacedBy("[erased]");
    private ConsentKit kit;
    private FieldCrypto crypto;
    private Map<String, ExportValue> row;

    @BeforeEach
    void aSealedClientRow() {
        kit = Instances.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"),
                AccessPolicy.builder(Fixtures.catalog()).grant("manager").purposes(Fixtures.ORDERS)
                        .categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        crypto = FieldCrypto.builder(kit).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), key))
                .blindIndexKey(HmacKey.of(key)).fields(EMAIL, PHONE).build();
        row = new LinkedHashMap<>();
        row.put("id", ExportValue.plain("7001"));
        row.put("email", ExportValue.sealed(new SealedValue("client", "email", "7001",
                crypto.seal(Principal.of("olga", "manager"), Fixtures.ORDERS, EMAIL.at("7001", ANNA), "anna@example.org"))));
        row.put("phone", ExportValue.sealed(new SealedValue("client", "phone", "7001",
                crypto.seal(Principal.of("olga", "manager"), Fixtures.ORDERS, PHONE.at("7001", ANNA), "+79123456789"))));
    }

    /** Anna's access request, identity verified: what an export needs to open her values. */
    private RequestId verifiedAccess() {
        // the host knows its clients: its subject directory admits the request
        RequestId id = SubjectRights.builder(kit).directory(known -> true).build()
                .receive(ANNA, RequestType.ACCESS, DPO).id();
        SubjectRights.builder(kit).build().verifyIdentity(id, DPO);
        return id;
    }

    private SubjectDataContributor contributor() {
        return new SubjectDataContributor() {
            @Override
            public String name() {
                return "crm";
            }

            @Override
            public void contribute(SubjectId subject, ExportSink sink) {
                sink.record("client", row);
            }

            @Override
            public ContributorErasure erase(SubjectId subject, ErasureContext context) {
                return ContributorErasure.builder(context).build();
            }
        };
    }

    @Test
    void sealedFieldsAreOpenedForTheSubjectAndEveryOpeningIsAudited() {
        SubjectDataService data = SubjectDataService.builder(kit).contributor(contributor()).build();

        SubjectExport export = data.export(verifiedAccess(), DPO);

        ExportRecord r = export.sections().get(0).records().get(0);
        assertThat(r.values()).containsExactly(Map.entry("id", "7001"), Map.entry("email", "anna@example.org"),
                Map.entry("phone", "+79123456789"));
        assertThat(r.protectedFields()).containsExactly("email", "phone");
        assertThat(r.unreadable()).isEmpty();
        List<AuditRecord> audit = AuditTrail.of(kit).records(1, 100);
        assertThat(audit).filteredOn(a -> a.event().action().equals(FieldCrypto.FIELD_OPENED)).hasSize(2);
        assertThat(audit).filteredOn(a -> a.event().action().equals(SubjectDataService.SUBJECT_EXPORTED)).singleElement()
                .satisfies(a -> assertThat(a.event().reference()).contains(export.id().toString()));
    }

    @Test
    void afterShreddingAFieldIsUnreadableOrShowsItsReplacementAndTheBundleStillReadsBack() {
        crypto.shred(ANNA, Set.of(), DPO);
        SubjectDataService data = SubjectDataService.builder(kit).contributor(contributor()).build();

        SubjectExport export = data.export(verifiedAccess(), DPO);

        ExportRecord r = export.sections().get(0).records().get(0);
        assertThat(r.values()).containsExactly(Map.entry("id", "7001"), Map.entry("phone", "[erased]"));
        assertThat(r.unreadable()).containsExactly("email");
        ConsentJson json = ConsentJson.create();
        assertThat(json.readExport(json.writeExport(export))).isEqualTo(export);
    }

    @Test
    void aSealedValueWithoutAProtectorOrOfAnUndeclaredFieldIsAClearError() {
        SubjectDataService noProtector = SubjectDataService.builder(Instances.another(kit)).contributor(contributor())
                .build();
        RequestId request = verifiedAccess();
        assertThatThrownBy(() -> noProtector.export(request, DPO)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a contributor gave the sealed field email but no field protector is configured");

        row.put("note", ExportValue.sealed(new SealedValue("client", "note", "7001", "ck1.AAAA")));
        SubjectDataService data = SubjectDataService.builder(kit).contributor(contributor()).build();
        assertThatThrownBy(() -> data.export(request, DPO)).as("the failed export left the request in progress")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no protected field is declared for client.note: declare it with FieldCrypto.builder(kit).fields(...)");
    }
}
