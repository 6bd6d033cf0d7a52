/**
 * Actuator health and Micrometer metrics for ConsentKit, each configured when its library is present.
 */
package dev.consentkit.spring.actuate;
