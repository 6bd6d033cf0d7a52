/**
 * JPA entities with sealed fields: {@link dev.consentkit.spring.jpa.SealedText} values sealed on save
 * by {@link dev.consentkit.spring.jpa.SealingListener}, opened only through
 * {@link dev.consentkit.spring.jpa.SealedFields#open} for a purpose and a principal.
 */
package dev.consentkit.spring.jpa;
