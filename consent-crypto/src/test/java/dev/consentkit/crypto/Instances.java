package dev.consentkit.crypto;

import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.testkit.fixtures.Fixtures;

/**
 * Application instances over one store, for tests that run several field protections at once (a
 * write-only front end and a back office, a deployment before and after a rotation): a kit has one
 * field protector, so each further one gets a kit of its own over the same store, catalogue, clock,
 * jurisdiction, access policy and {@link Fixtures} keys - as a second process would.
 */
final class Instances {
    private Instances() {
    }

    /**
     * @param kit a kit with the {@link Fixtures} keys
     * @return {@code kit} while it has no field protector, else another instance over the same store
     */
    static ConsentKit of(ConsentKit kit) {
        return KitContext.of(kit).protector().isEmpty() ? kit : another(kit);
    }

    /**
     * @param kit a kit with the {@link Fixtures} keys
     * @return another instance over the same store, without field protection; its read audits are
     *         synchronous, so what it opens is in the store when the first instance reads its records
     */
    static ConsentKit another(ConsentKit kit) {
        KitContext context = KitContext.of(kit);
        ConsentKit.Builder another = ConsentKit.builder().catalog(kit.catalog()).storage(context.storage())
                .clock(context.clock()).jurisdiction(context.jurisdiction())
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .readAudits(ReadAuditMode.synchronous());
        context.accessPolicy().ifPresent(another::accessPolicy);
        return another.build();
    }
}
