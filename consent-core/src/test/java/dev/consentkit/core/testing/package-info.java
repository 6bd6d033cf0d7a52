/**
 * Test fixtures and the abstract contract suites every storage adapter runs. Shipped in
 * consent-core's test-jar.
 */
package dev.consentkit.core.testing;
