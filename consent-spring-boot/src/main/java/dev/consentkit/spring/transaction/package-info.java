/**
 * ConsentKit's units of work in Spring-managed transactions: {@link
 * dev.consentkit.spring.transaction.SpringConnectionSource}, the consent-jdbc connection source that
 * joins the current Spring transaction and uses the kit's own otherwise.
 */
package dev.consentkit.spring.transaction;
