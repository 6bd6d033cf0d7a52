/**
 * Storage ports: what a storage adapter (in-memory, JDBC, a host's own) implements. Every adapter
 * runs the contract suites shipped in consent-core's test-jar ({@code dev.consentkit.core.testing}).
 */
package dev.consentkit.core.spi;
