package dev.consentkit.spring.actuate;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.spring.internal.DecisionObserver;
import dev.consentkit.spring.internal.Kits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ConsentKit's Micrometer meters. Tags carry purposes, reasons and audit actions — bounded sets from
 * the catalogue and the kit — never a subject or a value.
 *
 * <ul>
 *   <li>{@code consentkit.checks} (counter; tags {@code purpose}, {@code outcome} = permitted|denied):
 *       decisions made through {@code ConsentChecks}.</li>
 *   <li>{@code consentkit.denials} (counter; tags {@code purpose}, {@code reason}): the denied ones, by
 *       reason (never given, withdrawn, expired, ...).</li>
 *   <li>{@code consentkit.field.opens} (counter; tag {@code outcome} = success|failed): field openings
 *       the kit audited ({@code field.opened}, {@code field.open_failed}).</li>
 *   <li>{@code consentkit.refusals} (counter; tag {@code action}): every audited refusal — opens, writes
 *       and searches the access policy or the subject's consent refused.</li>
 *   <li>{@code consentkit.requests.due} (gauge): open subject requests due within
 *       {@code consentkit.metrics.requests-due-within}; {@code consentkit.requests.overdue} (gauge): open
 *       requests past their deadline. One database reading serves them for
 *       {@code consentkit.metrics.requests-refresh}; NaN while the requests cannot be read.</li>
 * </ul>
 *
 * <p>Openings and refusals are heard from the kit's audit listener, so they count whatever path made
 * them (sealed entity fields, {@code FieldCrypto}, the re-index job). Thread-safe.
 */
public final class ConsentKitMetrics implements AuditListener, DecisionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentKitMetrics.class);
    private final MeterRegistry registry;
    private final Supplier<ConsentKit> kit;
    private final Duration dueWithin;
    private final Duration refresh;
    private volatile Reading reading;

    private record Reading(Instant at, double due, double overdue) {
    }

    /**
     * @param registry where the meters go
     * @param kit the kit, once built (the gauges read its requests)
     * @param dueWithin the window of requests due soon
     * @param refresh how long one reading serves the gauges
     */
    public ConsentKitMetrics(MeterRegistry registry, Supplier<ConsentKit> kit, Duration dueWithin, Duration refresh) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.kit = Objects.requireNonNull(kit, "kit");
        this.dueWithin = Objects.requireNonNull(dueWithin, "dueWithin");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        Gauge.builder("consentkit.requests.due", this, m -> m.read().due())
                .description("Open subject requests due within " + dueWithin).register(registry);
        Gauge.builder("consentkit.requests.overdue", this, m -> m.read().overdue())
                .description("Open subject requests past their deadline").register(registry);
    }

    @Override
    public void decided(PurposeId purpose, Decision decision) {
        String outcome = decision.isPermitted() ? "permitted" : "denied";
        Counter.builder("consentkit.checks").description("Consent checks made through ConsentChecks")
                .tag("purpose", purpose.value()).tag("outcome", outcome).register(registry).increment();
        if (decision instanceof Decision.Denied denied) {
            Counter.builder("consentkit.denials").description("Consent checks that denied, by reason")
                    .tag("purpose", purpose.value()).tag("reason", denied.reason().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }

    @Override
    public void committed(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            AuditEvent event = entry.event();
            String action = event.action().code();
            if (event.outcome() == AuditOutcome.DENIED) {
                Counter.builder("consentkit.refusals").description("Audited refusals, by action")
                        .tag("action", action).register(registry).increment();
            } else if ("field.opened".equals(action) || "field.open_failed".equals(action)) {
                Counter.builder("consentkit.field.opens").description("Audited field openings")
                        .tag("outcome", event.outcome() == AuditOutcome.SUCCESS ? "success" : "failed")
                        .register(registry).increment();
            }
        }
    }

    private Reading read() {
        ConsentKit k = kit.get();
        Instant now = Kits.clock(k).instant();
        Reading r = reading;
        if (r != null && r.at().plus(refresh).isAfter(now)) {
            return r;
        }
        try {
            r = new Reading(now, Kits.requestsDueWithin(k, dueWithin).size(), Kits.overdueRequests(k).size());
        } catch (RuntimeException e) {
            LOG.debug("ConsentKit request gauges could not read the requests ({})", e.getClass().getName());
            return r != null ? r : new Reading(now, Double.NaN, Double.NaN);
        }
        reading = r;
        return r;
    }

    @Override
    public String toString() {
        return "ConsentKitMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
