/**
 * Data-subject rights: jurisdiction profiles with their deadlines ({@link dev.consentkit.core.rights.Jurisdiction}),
 * working-day calendars from yearly tables ({@link dev.consentkit.core.rights.YearlyWorkingDayCalendar}, the
 * Russian production calendar shipped as data), the deadline rules
 * ({@link dev.consentkit.core.rights.DeadlineCalculator}), and the requests themselves with their lifecycle
 * ({@link dev.consentkit.core.rights.SubjectRights}, reached through {@code ConsentKit.rights()}).
 */
package dev.consentkit.core.rights;
