package dev.consentkit.core.monitor;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A studio kit with access monitoring on a fixed clock, and staff who open fields the way field
 * encryption audits it ({@code field.opened} / {@code field.open_refused} with the subject's reference).
 */
final class MonitoringWorld {
    final MutableClock clock;
    final ConsentKit kit;
    final AccessMonitoring monitoring;
    final List<MonitoringAlert> heard = new CopyOnWriteArrayList<>();

    MonitoringWorld(String start, MonitoringPolicy policy) {
        this(start, policy, InMemoryStorage.create());
    }

    MonitoringWorld(String start, MonitoringPolicy policy, ConsentStorage storage) {
        this.clock = MutableClock.at(start);
        this.kit = ConsentKit.builder().catalog(Fixtures.catalog()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        this.monitoring = AccessMonitoring.builder(kit).policy(policy).alertListener(heard::add).build();
    }

    AuditEntry open(String staff, String subject) {
        return access(staff, subject, MonitoringPolicy.FIELD_OPENED, AuditOutcome.SUCCESS);
    }

    AuditEntry refuse(String staff, String subject) {
        return access(staff, subject, MonitoringPolicy.FIELD_OPEN_REFUSED, AuditOutcome.DENIED);
    }

    AuditEntry access(String staff, String subject, AuditAction action, AuditOutcome outcome) {
        AuditEvent e = new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), Actor.operator(staff), action,
                Optional.of(kit.subjectRef(SubjectId.of(subject))), Optional.of(Fixtures.ORDERS), outcome,
                Optional.of("clients.email"));
        return KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, e));
    }

    void after(Duration step) {
        clock.advance(step);
    }

    List<MonitoringAlert> stored() {
        return monitoring.unacknowledged(1_000);
    }
}
