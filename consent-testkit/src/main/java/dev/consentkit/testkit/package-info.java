/**
 * The contract suites of the consent ports, which every storage adapter runs: {@link
 * dev.consentkit.testkit.ConsentStoreContract} (unit of work, ledger, projection, suppression, subject locks,
 * integrity reads), {@link dev.consentkit.testkit.AuditStoreContract} (audit entries and chain) and {@link
 * dev.consentkit.testkit.ConsentKitContract} (the facade end to end over the storage). An adapter's test
 * class extends one and returns a fresh storage from {@code createStorage()}; see
 * {@code docs/custom-storage.md}. The contracts of feature ports are in {@link dev.consentkit.testkit.feature};
 * what they share is in {@link dev.consentkit.testkit.fixtures}.
 */
package dev.consentkit.testkit;
