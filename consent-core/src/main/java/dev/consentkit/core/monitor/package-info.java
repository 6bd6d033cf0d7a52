/**
 * Access monitoring: thresholds per principal over the committed audit stream
 * ({@link dev.consentkit.core.monitor.MonitoringPolicy}), alerts that are stored, audited, logged and
 * handed to {@link dev.consentkit.core.monitor.AlertListener}s, and their acknowledgement through
 * {@link dev.consentkit.core.monitor.AccessMonitoring}.
 */
package dev.consentkit.core.monitor;
