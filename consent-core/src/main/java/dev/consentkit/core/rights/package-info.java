/**
 * Data-subject rights: jurisdiction profiles with their deadlines, working-day calendars and the
 * requests themselves.
 */
package dev.consentkit.core.rights;
