/**
 * JMH benchmarks of ConsentKit, each measured against a baseline in the same run (the limit the
 * library cannot beat, or a competitor doing the same work). Never deployed; results are read as
 * ratios, never asserted.
 */
package dev.consentkit.benchmarks;
