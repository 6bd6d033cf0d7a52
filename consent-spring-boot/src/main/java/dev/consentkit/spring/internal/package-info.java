/**
 * Not API: the module's calls into consent-core's services, and its machinery.
 */
package dev.consentkit.spring.internal;
