/**
 * Implementation of the JDBC stores. <strong>Not API</strong>: not exported, may change in any release.
 */
package dev.consentkit.jdbc.internal;
