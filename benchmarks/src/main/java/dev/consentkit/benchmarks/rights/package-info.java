/** Benchmarks of the data-subject request paths (issue 5): the access export. */
package dev.consentkit.benchmarks.rights;
