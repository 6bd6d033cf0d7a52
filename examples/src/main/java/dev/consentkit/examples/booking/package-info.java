/** A booking system on PostgreSQL with HikariCP: {@link dev.consentkit.examples.booking.BookingSystem}. */
package dev.consentkit.examples.booking;
