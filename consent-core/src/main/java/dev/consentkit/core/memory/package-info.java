/**
 * In-memory implementations of every storage port: correct and thread-safe, for tests, demos and
 * hosts that need no persistence.
 */
package dev.consentkit.core.memory;
