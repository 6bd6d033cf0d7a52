/**
 * Storage ports: what a storage adapter (in-memory, JDBC, a host's own) implements. Every adapter
 * runs the contract suites of the {@code consent-testkit} module ({@code dev.consentkit.testkit}; guide:
 * {@code docs/custom-storage.md}).
 */
package dev.consentkit.core.spi;
