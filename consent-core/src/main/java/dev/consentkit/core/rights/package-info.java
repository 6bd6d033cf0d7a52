/**
 * Data-subject rights: the requests and their lifecycle under the kit's jurisdiction
 * ({@link dev.consentkit.core.rights.SubjectRights}, built by {@code SubjectRights.builder(kit)}), with
 * deadlines from {@link dev.consentkit.core.jurisdiction}; export and erasure
 * ({@link dev.consentkit.core.rights.SubjectDataService}); the request store port
 * {@link dev.consentkit.core.rights.RequestStore}. How provisional deadlines behave:
 * {@code docs/guide/calendars.md}.
 */
package dev.consentkit.core.rights;
