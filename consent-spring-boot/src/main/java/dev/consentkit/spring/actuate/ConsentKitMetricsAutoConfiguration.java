package dev.consentkit.spring.actuate;

import dev.consentkit.ConsentKit;
import dev.consentkit.spring.ConsentKitAutoConfiguration;
import dev.consentkit.spring.ConsentKitBuilderCustomizer;
import dev.consentkit.spring.ConsentKitProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer and a {@link MeterRegistry}: {@link ConsentKitMetrics}, hearing the kit's audit
 * entries and the decisions of {@code ConsentChecks}.
 */
@AutoConfiguration(before = ConsentKitAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "consentkit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsentKitProperties.class)
public class ConsentKitMetricsAutoConfiguration {
    /** Made by Spring. */
    public ConsentKitMetricsAutoConfiguration() {
    }

    /**
     * @param registry the registry
     * @param kit the kit, read lazily by the request gauges
     * @param properties the settings
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public ConsentKitMetrics consentKitMetrics(MeterRegistry registry, ObjectProvider<ConsentKit> kit,
                                               ConsentKitProperties properties) {
        return new ConsentKitMetrics(registry, kit::getObject, properties.getMetrics().getRequestsDueWithin(),
                properties.getMetrics().getRequestsRefresh());
    }

    /**
     * @param metrics the meters
     * @return a customizer that lets the metrics hear the kit's audit entries
     */
    @Bean
    public ConsentKitBuilderCustomizer consentKitMetricsListener(ConsentKitMetrics metrics) {
        return builder -> builder.auditListener(metrics);
    }
}
