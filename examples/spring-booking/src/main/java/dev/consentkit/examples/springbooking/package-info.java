/**
 * The Harbour Spa booking application: a Spring Boot 4 + JPA application with ConsentKit through
 * {@code consent-spring-boot}. A booking saves the client (with a sealed phone number) and their
 * reminder consent in one transaction; the booking form's consent box shows the pinned notice text;
 * the client downloads their export and withdraws consent on their own page; only staff whose role
 * may read phone numbers see them.
 */
package dev.consentkit.examples.springbooking;
