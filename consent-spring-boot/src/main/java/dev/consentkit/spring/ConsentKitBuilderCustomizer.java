package dev.consentkit.spring;

import dev.consentkit.ConsentKit;

/**
 * Adjusts the {@link ConsentKit.Builder} the auto-configuration made from {@code consentkit.*} before
 * the kit is built: audit listeners, monitoring, compliance checks, a clock. Beans of this type are
 * applied in their {@code @Order}.
 */
@FunctionalInterface
public interface ConsentKitBuilderCustomizer {
    /**
     * @param builder the builder, with catalogue, storage, keys and jurisdiction set
     */
    void customize(ConsentKit.Builder builder);
}
