package dev.consentkit.jdbc;

import static dev.consentkit.core.testing.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.testing.Fixtures;
import dev.consentkit.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class H2SmokeTest {
    @Test
    void givesChecksWithdrawsAndVerifiesOnH2() {
        JdbcStorage storage = JdbcStorage.builder(H2Databases.installed()).build();
        ConsentKit kit = Fixtures.kit(storage, MutableClock.at("2026-03-02T10:00:00.123456Z"));
        SubjectId s = SubjectId.of("client-1");
        kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress("1.2.3.4").build()).give();
        assertThat(kit.check(s, NEWSLETTER).isPermitted()).isTrue();
        kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        assertThat(kit.check(s, NEWSLETTER).isPermitted()).isFalse();
        assertThat(kit.history(s).entries()).hasSize(2);
        assertThat(kit.audit().verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(storage.dialect()).isEqualTo(Dialects.H2);
    }
}
