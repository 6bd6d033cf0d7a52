/**
 * Documents generated from the processing catalogue, so what clients read is what the software does:
 * the privacy policy, granular consent forms (checkbox, and the 152-FZ written consent) with their
 * validator, the client's receipt and notes on what changed, in Russian and English, as Markdown or
 * escaped HTML. Entry point: {@link dev.consentkit.core.transparency.Transparency}.
 */
package dev.consentkit.core.transparency;
