/**
 * <strong>Not API.</strong> The context through which a kit's features and ConsentKit's own modules
 * (crypto, jdbc) reach what a kit holds: {@link dev.consentkit.core.context.KitContext}. Exported only
 * to those modules; on the class path it is visible, but it may change in any release.
 */
package dev.consentkit.core.context;
