/**
 * Implementation details shared by ConsentKit's packages. <strong>Not API</strong>: not exported by
 * the module, may change in any release.
 */
package dev.consentkit.core.internal;
