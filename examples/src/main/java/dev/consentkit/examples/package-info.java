/** Runnable examples of ConsentKit; {@link dev.consentkit.examples.QuickStart} is the README's quick start. */
package dev.consentkit.examples;
