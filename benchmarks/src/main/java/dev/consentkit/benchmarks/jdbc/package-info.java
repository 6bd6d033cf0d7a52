/**
 * JMH benchmarks of consent-jdbc on embedded H2 and on PostgreSQL, each against plain JDBC doing the
 * same database work in the same run: a single check, recording a consent with its audit link, and
 * the 100 000-client audience filter. How to run them and the last results: {@code benchmarks/jdbc.md}.
 * Beside them, {@link dev.consentkit.benchmarks.jdbc.HostLoad} (a plain {@code main}, not JMH) measures
 * host transactions and field opens from many threads on throwaway PostgreSQL and MariaDB servers
 * with their default durability: {@code benchmarks/host-load.md}.
 * Never deployed; CI builds them and never runs them.
 */
package dev.consentkit.benchmarks.jdbc;
