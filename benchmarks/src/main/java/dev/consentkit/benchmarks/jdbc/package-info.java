/**
 * JMH benchmarks of consent-jdbc on embedded H2 and on PostgreSQL, each against plain JDBC doing the
 * same database work in the same run: a single check, recording a consent with its audit link, and
 * the 100 000-client audience filter. How to run them and the last results: {@code benchmarks/jdbc.md}.
 * Never deployed; CI builds them and never runs them.
 */
package dev.consentkit.benchmarks.jdbc;
