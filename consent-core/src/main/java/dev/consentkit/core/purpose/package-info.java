/**
 * The processing catalogue: the one declaration of purposes, legal bases, data categories,
 * recipients, retention and notices that every check and document derives from.
 */
package dev.consentkit.core.purpose;
