package dev.consentkit.spring.transaction;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once after the current Spring transaction commits, however many units of the kit
 * wrote in it; never after a rollback. What the action throws is logged (its class only: the kit's
 * messages hold no personal data, but the log line needs none) and swallowed: the application's
 * commit stands. Immutable.
 */
final class AfterCommit implements TransactionSynchronization {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    private final Runnable action;

    private AfterCommit(Runnable action) {
        this.action = action;
    }

    /** Registers {@code action} with the current transaction unless it is registered already. */
    static void register(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof AfterCommit registered && registered.action == action) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new AfterCommit(action));
    }

    @Override
    public void afterCommit() {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("ConsentKit's work after the commit failed ({}); the next run does it", e.getClass().getName(), e);
        }
    }
}
