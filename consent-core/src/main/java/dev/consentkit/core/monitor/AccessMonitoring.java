package dev.consentkit.core.monitor;

import dev.consentkit.core.Actor;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access monitoring of a kit: watches the audit entries its kit writes for suspicious access by staff
 * (thresholds of a {@link MonitoringPolicy}), stores and audits every alert, warns through SLF4J (ids
 * and counts only), tells the {@link AlertListener}s, and lets someone acknowledge an alert.
 *
 * <pre>{@code
 * AccessMonitoring monitoring = AccessMonitoring.builder(kit)
 *         .policy(MonitoringPolicy.defaults()).alertListener(pager::send).build();   // at start-up
 * for (MonitoringAlert a : monitoring.unacknowledged(100)) { ... }
 * monitoring.acknowledge(alert.id(), Actor.operator("dpo"), "bulk export for the tax audit, ticket 42");
 * }</pre>
 *
 * <p>One per kit, built at start-up (it watches the units of work that follow); without a policy
 * nothing is watched, but stored alerts can still be read and acknowledged. The windows live in this instance's memory: each
 * application instance on a shared database counts the accesses its own kit audited, over
 * {@link MonitoringPolicy#window()}, and a restart starts them afresh. Thread-safe.
 */
public final class AccessMonitoring {
    /** An alert was raised (audited by the monitor, referencing the alert id). */
    public static final AuditAction ALERT_RAISED = new AuditAction("monitoring.alert_raised");
    /** An alert was acknowledged (audited by whoever acknowledged it). */
    public static final AuditAction ALERT_ACKNOWLEDGED = new AuditAction("monitoring.alert_acknowledged");
    /** The actor the monitor audits as. */
    public static final Actor MONITOR = Actor.system("access-monitor");
    private static final Logger LOG = LoggerFactory.getLogger(AccessMonitoring.class);
    private final ConsentStorage storage;
    private final KitContext context;
    private final Clock clock;
    private final Optional<MonitoringPolicy> policy;
    private final Optional<AccessEvaluator> evaluator;
    private final List<AlertListener> listeners;

    private AccessMonitoring(Builder b) {
        this.context = KitContext.of(b.kit);
        this.storage = context.storage();
        this.clock = context.clock();
        this.policy = Optional.ofNullable(b.policy);
        this.evaluator = policy.map(p -> new AccessEvaluator(p, MONITOR));
        this.listeners = List.copyOf(b.listeners);
    }

    /**
     * @param kit the kit whose audit entries are watched
     * @return a builder; {@link Builder#build()} installs the monitoring on the kit
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /** @return the thresholds in force, if monitoring is on */
    public Optional<MonitoringPolicy> policy() {
        return policy;
    }

    private void committed(List<AuditEntry> entries) {
        if (evaluator.isEmpty()) {
            return;
        }
        List<MonitoringAlert> alerts = evaluator.get().evaluate(entries);
        if (alerts.isEmpty()) {
            return;
        }
        try {
            Instant now = now();
            // in a transaction of the kit's own, like the read audits that raise most alerts: an alert
            // outlives a host rollback and is stored from inside a read-only host transaction
            storage.inOwnTransaction(tx -> {
                for (MonitoringAlert a : alerts) {
                    AlertStore.in(tx).add(a);
                    context.append(tx, new AuditEvent(now, MONITOR, ALERT_RAISED, Optional.empty(), Optional.empty(),
                            AuditOutcome.SUCCESS, Optional.of(a.id().toString())));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("could not store {} monitoring alerts; they are still reported", alerts.size(), e);
        }
        for (MonitoringAlert a : alerts) {
            LOG.warn("access monitoring alert {}: {} by {} ({} against a limit of {}, audit entry {})", a.id(),
                    a.rule(), a.principal(), a.observed(), a.threshold(), a.auditEntry());
            for (AlertListener l : listeners) {
                try {
                    l.alertRaised(a);
                } catch (RuntimeException e) {
                    LOG.error("alert listener {} failed on alert {}", l.getClass().getName(), a.id(), e);
                }
            }
        }
    }

    /**
     * @param limit at most this many, positive
     * @return alerts nobody has acknowledged, oldest first
     * @throws IllegalArgumentException if the limit is not positive
     */
    public List<MonitoringAlert> unacknowledged(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return storage.read(tx -> AlertStore.in(tx).unacknowledged(limit));
    }

    /**
     * @param id an alert id
     * @return the alert, if stored
     */
    public Optional<MonitoringAlert> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return storage.read(tx -> AlertStore.in(tx).find(id));
    }

    /**
     * Records that someone looked at an alert, and audits it.
     *
     * @param id the alert id
     * @param by who looked at it
     * @param note what they found or did (a ticket, a reason), 1 to 500 characters, no client data
     * @return the acknowledged alert
     * @throws IllegalArgumentException if no such alert is stored or the note is blank or too long
     * @throws IllegalStateException if it was acknowledged already
     */
    public MonitoringAlert acknowledge(UUID id, Actor by, String note) {
        Objects.requireNonNull(id, "id");
        Acknowledgement ack = new Acknowledgement(by, now(), note);
        return storage.inTransaction(tx -> {
            MonitoringAlert alert = AlertStore.in(tx).find(id)
                    .orElseThrow(() -> new IllegalArgumentException("no monitoring alert with id " + id));
            if (alert.isAcknowledged() || !AlertStore.in(tx).acknowledge(id, ack)) {
                throw new IllegalStateException("monitoring alert " + id + " is acknowledged already");
            }
            context.append(tx, new AuditEvent(ack.at(), by, ALERT_ACKNOWLEDGED, Optional.empty(), Optional.empty(),
                    AuditOutcome.SUCCESS, Optional.of(id.toString())));
            return alert.acknowledged(ack);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "AccessMonitoring[" + policy.map(p -> "on").orElse("off") + "]";
    }

    /** Configures the monitoring of a kit. Not thread-safe. */
    public static final class Builder {
        private final ConsentKit kit;
        private final List<AlertListener> listeners = new ArrayList<>();
        private MonitoringPolicy policy;

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param policy the thresholds; without, nothing is watched (alerts stored earlier can still be
         *               read and acknowledged)
         * @return this builder
         */
        public Builder policy(MonitoringPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param listener hears every alert (may be called more than once to add several)
         * @return this builder
         */
        public Builder alertListener(AlertListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the monitoring and installs it on the kit: from now on it hears the kit's audit entries.
         *
         * @return the monitoring
         * @throws IllegalStateException if the kit has its monitoring already
         */
        public AccessMonitoring build() {
            KitContext context = KitContext.of(kit);
            context.requirePort(AlertStore.class, InMemoryAlerts::new);
            AccessMonitoring monitoring = new AccessMonitoring(this);
            context.install(AccessMonitoring.class, monitoring);
            context.addAuditListener(monitoring::committed);
            return monitoring;
        }
    }
}
