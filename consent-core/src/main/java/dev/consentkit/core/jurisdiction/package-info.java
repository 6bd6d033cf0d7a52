/**
 * Jurisdiction profiles as data ({@link dev.consentkit.core.jurisdiction.Jurisdiction}: GDPR, 152-FZ)
 * and what rights, retention, the registers and transparency share from them: request types and their
 * deadlines, legal periods, working-day calendars from yearly tables
 * ({@link dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar}), calendar sources, deadline
 * calculation, breach clocks. How provisional deadlines behave: {@code docs/guide/calendars.md}.
 */
package dev.consentkit.core.jurisdiction;
