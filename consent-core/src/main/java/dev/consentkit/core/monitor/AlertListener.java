package dev.consentkit.core.monitor;

/**
 * Hears every monitoring alert once it is stored and audited: page someone, open a ticket.
 * Registered with {@code ConsentKit.Builder.alertListener}. Called on the thread whose unit of work
 * tripped the alert; one that throws is logged and ignored. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AlertListener {
    /**
     * @param alert the stored alert
     */
    void alertRaised(MonitoringAlert alert);
}
