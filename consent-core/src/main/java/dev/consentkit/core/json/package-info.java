/**
 * JSON interchange (Jackson): consent receipts (Kantara Consent Receipt 1.1 plus ConsentKit's
 * fields) and a subject's consent history. The only package that touches Jackson.
 */
package dev.consentkit.core.json;
