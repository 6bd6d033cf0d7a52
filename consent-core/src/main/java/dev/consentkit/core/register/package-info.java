/**
 * Accountability documents derived from what the code declares: the register of processing
 * activities (GDPR Art. 30, 152-FZ Art. 18.1 and 22) and the breach register with its notification
 * clocks (GDPR Art. 33-34, 152-FZ Art. 21 part 3.1).
 *
 * <p>Entry points, each built from a {@link dev.consentkit.ConsentKit}:
 * {@link dev.consentkit.core.register.ProcessingRegister#builder(dev.consentkit.ConsentKit)} (or
 * {@code ProcessingRegister.of(kit)}) generates the register of processing, exported with
 * {@code toMarkdown()}, {@code toCsv()} and {@code dev.consentkit.core.json.RegisterJson}, compared with
 * {@link dev.consentkit.core.register.RegisterDiff}; {@link dev.consentkit.core.register.BreachRegister#of(dev.consentkit.ConsentKit)}
 * records breaches, their deadlines and notifications in the kit's storage.
 */
package dev.consentkit.core.register;
