/**
 * ConsentKit in Spring Boot applications: auto-configuration from {@code consentkit.*} properties,
 * the beans it makes ({@code JdbcStorage}, {@code ConsentKit}, {@code FieldCrypto},
 * {@link dev.consentkit.spring.ConsentChecks}, {@code SealedFields}), and what the application may
 * supply ({@link dev.consentkit.spring.PrincipalResolver}, customizers).
 */
package dev.consentkit.spring;
