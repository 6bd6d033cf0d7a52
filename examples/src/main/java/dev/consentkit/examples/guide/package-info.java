/**
 * The tested examples of the guides in {@code docs/guide}: each guide page shows a region of one of these
 * classes, kept equal to it by a test, and the class runs in a test.
 */
package dev.consentkit.examples.guide;
