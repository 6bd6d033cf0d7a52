package dev.consentkit.spring;

import dev.consentkit.core.audit.ReadAuditMode;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application whose kit writes its read audits behind with the longest delay (10 s), so that an
 * opening's audit entry is still queued when a test closes the context right after it.
 */
@Configuration(proxyBeanMethods = false)
class SlowReadAudits {
    @Bean
    ConsentKitBuilderCustomizer readAuditsWithTheLongestDelay() {
        return builder -> builder.readAudits(ReadAuditMode.writeBehind(Duration.ofSeconds(10), ReadAuditMode.DEFAULT_CAPACITY));
    }
}
