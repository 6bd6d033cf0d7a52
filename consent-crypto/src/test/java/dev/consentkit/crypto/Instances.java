package dev.consentkit.crypto;

import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import java.time.Clock;
import java.util.Optional;

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
        return another(kit, KitContext.of(kit).accessPolicy());
    }

    /**
     * An instance whose staff are governed by another access policy: the policy is the kit's
     * ({@code ConsentKit.Builder.accessPolicy}), so a second policy takes a second instance.
     *
     * @param kit a kit with the {@link Fixtures} keys
     * @param policy the other instance's access policy
     * @return another instance over the same store, without field protection, with {@code policy}
     */
    static ConsentKit withPolicy(ConsentKit kit, AccessPolicy policy) {
        return another(kit, Optional.of(policy));
    }

    /**
     * {@link Fixtures#kit(ConsentStorage, Clock)} with an access policy, which field encryption checks.
     *
     * @param storage the storage
     * @param clock the clock
     * @param policy the kit's access policy, over {@link Fixtures#catalog()}
     * @return a kit over the studio catalogue with the fixed keys and {@code policy}
     */
    static ConsentKit kit(ConsentStorage storage, Clock clock, AccessPolicy policy) {
        return kit(storage, clock, ReadAuditMode.writeBehind(), policy);
    }

    /**
     * {@link Fixtures#kit(ConsentStorage, Clock, ReadAuditMode)} with an access policy.
     *
     * @param storage the storage
     * @param clock the clock
     * @param readAudits how the kit writes read audits
     * @param policy the kit's access policy, over {@link Fixtures#catalog()}
     * @return a kit over the studio catalogue with the fixed keys and {@code policy}
     */
    static ConsentKit kit(ConsentStorage storage, Clock clock, ReadAuditMode readAudits, AccessPolicy policy) {
        return ConsentKit.builder().catalog(Fixtures.catalog()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).readAudits(readAudits)
                .accessPolicy(policy).build();
    }

    private static ConsentKit another(ConsentKit kit, Optional<AccessPolicy> policy) {
        KitContext context = KitContext.of(kit);
        ConsentKit.Builder another = ConsentKit.builder().catalog(kit.catalog()).storage(context.storage())
                .clock(context.clock()).jurisdiction(context.jurisdiction())
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .readAudits(ReadAuditMode.synchronous());
        policy.ifPresent(another::accessPolicy);
        return another.build();
    }
}
