/**
 * Data-subject rights: jurisdiction profiles with their deadlines ({@link dev.consentkit.core.rights.Jurisdiction}),
 * working-day calendars from yearly tables ({@link dev.consentkit.core.rights.YearlyWorkingDayCalendar}, the
 * Russian production calendar shipped as data) with an optional provisional rule for years without a table
 * ({@link dev.consentkit.core.rights.ProvisionalRule}), the deadline rules
 * ({@link dev.consentkit.core.rights.DeadlineCalculator}, whose {@link dev.consentkit.core.rights.DueTime} names the
 * tables it was counted on), and the requests themselves with their lifecycle
 * ({@link dev.consentkit.core.rights.SubjectRights}, reached through {@code ConsentKit.rights()}). The table format
 * and how provisional deadlines behave: {@code docs/guide/calendars.md}.
 */
package dev.consentkit.core.rights;
