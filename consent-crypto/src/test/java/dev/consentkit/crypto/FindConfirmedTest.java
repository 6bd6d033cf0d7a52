package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.PHONE;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search that answers (issue 15, item 5): {@code findConfirmed} returns exactly the subjects whose
 * value equals the searched one, however many others the truncated index returns with them, and every
 * value it opens is checked and audited (M11, M21).
 */
class FindConfirmedTest {
    /** 16 index values for 300 clients: about 19 false candidates per search. */
    private static final BlindIndex PHONES = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 4, 1_000);
    private final ConsentKit kit = IndexDeployments.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));
    private final FieldCrypto crypto = new IndexDeployments(kit, IndexDeployments.filled(9)).declaring(PHONES);
    private final Map<SubjectId, List<SealedValue>> rows = new LinkedHashMap<>();

    FindConfirmedTest() {
        for (int i = 0; i < 300; i++) {
            store(SubjectId.of("client-" + i), "row-" + i, "+4915100000" + String.format("%03d", i));
        }
    }

    @Test
    void onlyTheClientWithTheValueIsReturnedThoughTheIndexReturnsManyOthers() {
        assertThat(crypto.find(STAFF, ORDERS, PHONES, "+4915100000123")).hasSizeGreaterThan(5);

        assertThat(crypto.findConfirmed(STAFF, ORDERS, PHONES, "+4915100000123", this::values))
                .containsExactly(SubjectId.of("client-123"));
    }

    @Test
    void valuesAreComparedNormalisedAndEveryClientSharingTheValueIsReturned() {
        // a first row that does not match (an old number) and a second that does
        rows.get(SubjectId.of("client-123")).add(0, rows.get(SubjectId.of("client-124")).get(0));
        rows.put(SubjectId.of("client-124"), new ArrayList<>());
        store(SubjectId.of("client-900"), "row-900", "0049 151 00000 123");

        assertThat(crypto.findConfirmed(STAFF, ORDERS, PHONES, "+49 (151) 00000-123", this::values))
                .containsExactlyInAnyOrder(SubjectId.of("client-123"), SubjectId.of("client-900"));
    }

    @Test
    void aClientWhoseValueCannotBeOpenedForThePurposeIsNotReturnedAndEveryOpeningIsAudited() {
        SubjectId withConsent = SubjectId.of("client-7");
        SubjectId withoutConsent = SubjectId.of("client-7-partner");
        store(withoutConsent, "row-7p", "+4915100000007"); // the same number, no newsletter consent
        kit.consent(withConsent, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        long candidates = crypto.find(STAFF, NEWSLETTER, PHONES, "+4915100000007").stream()
                .mapToLong(c -> values(c).size()).sum();
        long opensBefore = audited("field.opened") + audited("field.open_refused");

        assertThat(crypto.findConfirmed(STAFF, NEWSLETTER, PHONES, "+4915100000007", this::values))
                .containsExactly(withConsent);
        assertThat(audited("field.opened") + audited("field.open_refused") - opensBefore)
                .as("each stored value of each candidate is opened (or refused) and audited")
                .isEqualTo(candidates);
    }

    @Test
    void aDamagedOrMovedValueIsNotAMatch() {
        SubjectId victim = SubjectId.of("client-42");
        SealedValue other = rows.get(SubjectId.of("client-43")).get(0);
        rows.put(victim, List.of(new SealedValue("client", "phone", "row-42", other.ciphertext())));

        assertThat(crypto.findConfirmed(STAFF, ORDERS, PHONES, "+4915100000042", this::values)).isEmpty();
        assertThat(audited("field.open_failed")).isEqualTo(1);
    }

    @Test
    void aSearcherWhoMayNotReadIsRefusedBeforeAnythingIsSearched() {
        FieldCrypto searchOnly = crypto(AccessPolicy.builder(kit.catalog()).grant("switchboard").purposes(ORDERS)
                .categories(CategoryId.of("contact")).actions(AccessAction.SEARCH).build());
        Principal switchboard = Principal.of("sam", "switchboard");

        assertThatThrownBy(() -> searchOnly.findConfirmed(switchboard, ORDERS, PHONES, "+4915100000001", this::values))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audited("index.searched")).isZero();
        assertThat(audited("field.open_refused")).isEqualTo(1);
    }

    @Test
    void valuesOfAnotherFieldAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> crypto.findConfirmed(STAFF, ORDERS, PHONES, "+4915100000001",
                s -> List.of(new SealedValue("client", "email", "row-1", "ck1.x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client.email")
                .hasMessageNotContaining("+49");
    }

    @ParameterizedTest
    @CsvSource({
            // bits, population, expected false candidates per search
            "4, 300, 18.6875",
            "16, 1000000, 15.2587738",
            "18, 1000000, 3.8146935",
            "8, 1, 0"})
    void theFalseCandidateRateFollowsFromTheIndexSize(int bits, long population, double expected) {
        BlindIndex index = BlindIndex.unsafeWithoutSizing(IndexName.of("rate"), PHONE, Normalizer.PHONE_E164, bits);
        assertThat(index.expectedFalseCandidates(population)).isCloseTo(expected, within(1e-6));
    }

    private FieldCrypto crypto(AccessPolicy policy) {
        // the policy is the kit's: another policy takes another instance over the same store
        return FieldCrypto.builder(Instances.withPolicy(kit, policy))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), IndexDeployments.filled(7)))
                .blindIndexKey(HmacKey.of(IndexDeployments.filled(9))).fields(PHONE)
                .blindIndex(PHONES).build();
    }

    private void store(SubjectId subject, String row, String phone) {
        String sealed = crypto.seal(STAFF, ORDERS, PHONE.at(row, subject), phone);
        rows.computeIfAbsent(subject, s -> new ArrayList<>()).add(new SealedValue("client", "phone", row, sealed));
        List<SealedValue> all = rows.get(subject);
        // the index holds one value per subject: the first row's here
        if (all.size() == 1) {
            crypto.index(STAFF, ORDERS, PHONES, subject, phone);
        }
    }

    private List<SealedValue> values(SubjectId subject) {
        return rows.getOrDefault(subject, List.of());
    }

    private long audited(String action) {
        return AuditTrail.of(kit).records(1, 10_000).stream().filter(r -> r.event().action().code().equals(action)).count();
    }
}
