/**
 * Need-to-know access: {@link dev.consentkit.core.access.Principal}s with roles,
 * an {@link dev.consentkit.core.access.AccessPolicy} of grants (role, purposes, data categories,
 * actions), and {@link dev.consentkit.core.access.AccessDecision}s that explain themselves.
 */
package dev.consentkit.core.access;
