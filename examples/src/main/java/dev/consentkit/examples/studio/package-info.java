/** The design-studio CRM demo: the README's demo command runs {@link dev.consentkit.examples.studio.DesignStudioDemo}. */
package dev.consentkit.examples.studio;
