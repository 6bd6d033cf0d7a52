/**
 * The contract suites of the feature ports, for a storage that offers them through
 * {@code StorageTransaction.port(Class)}: requests, legal holds, retention, breaches, alerts, wrapped keys
 * and blind indexes, each alone ({@code ...StoreContract}) and the features over them end to end
 * (breach register, monitoring and compliance, subject rights, deadlines, erasure). A consent-only
 * adapter runs none of them.
 */
package dev.consentkit.testkit.feature;
