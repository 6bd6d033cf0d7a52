/**
 * ConsentKit's tables at start-up: the installer, or ConsentKit's own Flyway run with its migrations at
 * {@code classpath:dev/consentkit/flyway/{vendor}}.
 */
package dev.consentkit.spring.schema;
