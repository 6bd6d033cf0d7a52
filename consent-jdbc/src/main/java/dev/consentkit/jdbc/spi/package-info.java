/**
 * What a host plugs into {@link dev.consentkit.jdbc.JdbcStorage}: the {@link dev.consentkit.jdbc.spi.Dialect}
 * of its database (the built-in ones are {@link dev.consentkit.jdbc.Dialects}) and, for a host with its own
 * transaction manager, a {@link dev.consentkit.jdbc.spi.ConnectionSource}. Below the storage and its
 * internals, which import it; it imports neither.
 */
package dev.consentkit.jdbc.spi;
