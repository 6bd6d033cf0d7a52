/**
 * Accountability documents derived from what the code declares: the register of processing
 * activities (GDPR Art. 30, 152-FZ Art. 18.1 and 22) and the breach register with its notification
 * clocks (GDPR Art. 33-34, 152-FZ Art. 21 part 3.1).
 *
 * <p>Entry points: {@link dev.consentkit.core.register.BreachRegister#of(dev.consentkit.core.ConsentKit)}.
 */
package dev.consentkit.core.register;
