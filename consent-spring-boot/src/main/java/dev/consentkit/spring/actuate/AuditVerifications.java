package dev.consentkit.spring.actuate;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.spring.internal.Kits;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Verifies the audit chain and the ledger in the background and keeps the last result, so that the
 * health indicator reports the verification state without verifying on every probe: every
 * {@code consentkit.health.verify-interval} (the first run one interval after start-up) it runs the
 * full {@code verify()} of the audit chain and the incremental ledger verification from the last
 * verified point. {@link #verifyNow()} runs one at once. Thread-safe.
 */
public final class AuditVerifications implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(AuditVerifications.class);
    private final ConsentKit kit;
    private final Duration interval;
    private final AtomicReference<Result> last = new AtomicReference<>();
    private ScheduledExecutorService scheduler;

    /**
     * What the last verification found: positions and counts, never a personal value.
     *
     * @param at when it finished, by the kit's clock
     * @param audit the audit chain's verification
     * @param ledger the ledger's verification from the last verified point
     */
    public record Result(Instant at, AuditVerification audit, LedgerVerification ledger) {
        /** @throws NullPointerException if a component is null */
        public Result {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(ledger, "ledger");
        }

        /** @return whether both verified */
        public boolean intact() {
            return audit.isIntact() && ledger.isIntact();
        }
    }

    /**
     * @param kit the kit
     * @param interval between background runs; zero for none
     */
    public AuditVerifications(ConsentKit kit, Duration interval) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("consentkit.health.verify-interval must not be negative");
        }
    }

    @Override
    public void afterPropertiesSet() {
        if (interval.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consentkit-verify");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::verifyQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Verifies now, on the calling thread, and keeps the result.
     *
     * @return the result
     * @throws dev.consentkit.core.StorageException if the database fails
     */
    public Result verifyNow() {
        AuditVerification audit = Kits.verifyAudit(kit);
        LedgerVerification ledger = Kits.verifyLedgerSinceLastPoint(kit);
        Result result = new Result(Kits.clock(kit).instant(), audit, ledger);
        last.set(result);
        if (!result.intact()) {
            LOG.error("ConsentKit verification found tampering: audit {}, ledger findings {}", audit,
                    ledger.findings().size() + ledger.moreFindings());
        }
        return result;
    }

    private void verifyQuietly() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            LOG.warn("ConsentKit background verification failed ({}); the next run tries again", e.getClass().getName(), e);
        }
    }

    /** @return the last result; empty before the first run */
    public Optional<Result> last() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "AuditVerifications[every " + interval + "]";
    }
}
