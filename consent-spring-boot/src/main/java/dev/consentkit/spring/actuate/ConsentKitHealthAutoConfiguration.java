package dev.consentkit.spring.actuate;

import dev.consentkit.ConsentKit;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.spring.ConsentKitAutoConfiguration;
import dev.consentkit.spring.ConsentKitProperties;
import dev.consentkit.spring.transaction.SpringConnectionSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot's health support on the class path: the {@code consentKit} health indicator and the
 * background verifications it reports; with the actuator, a sanitizing function that masks
 * ConsentKit's secrets in the {@code configprops} and {@code env} endpoints whatever their
 * {@code show-values} setting.
 */
@AutoConfiguration(after = ConsentKitAutoConfiguration.class)
@ConditionalOnBean(ConsentKit.class)
public class ConsentKitHealthAutoConfiguration {
    /** Made by Spring. */
    public ConsentKitHealthAutoConfiguration() {
    }

    /** The health indicator and the verifications it reports, when Spring Boot's health module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {
        /**
         * @param kit the kit
         * @param properties the settings
         * @return the background verifications
         */
        @Bean
        @ConditionalOnMissingBean
        AuditVerifications consentKitVerifications(ConsentKit kit, ConsentKitProperties properties) {
            return new AuditVerifications(kit, properties.getHealth().getVerifyInterval());
        }

        /**
         * @param source the connection source, for its pool
         * @param storage the storage, for its prefix
         * @param verifications the background verifications
         * @return the indicator, named {@code consentKit}
         */
        @Bean
        @ConditionalOnMissingBean
        ConsentKitHealthIndicator consentKitHealthIndicator(SpringConnectionSource source, JdbcStorage storage,
                                                            AuditVerifications verifications) {
            return new ConsentKitHealthIndicator(source.pool(), storage.tablePrefix(), verifications);
        }
    }

    /** Masks the secrets, when the actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class Sanitizing {
        @Bean
        SanitizingFunction consentKitSecrets() {
            return ConsentKitHealthAutoConfiguration::sanitize;
        }
    }

    /** Masks a value whose key names one of ConsentKit's secrets, in any spelling Spring binds. */
    static SanitizableData sanitize(SanitizableData data) {
        String key = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
        for (String secret : new String[] {"auditkey", "pseudonymkey", "masterkey", "blindindexkey", "keyfilepassphrase"}) {
            if (key.endsWith(secret)) {
                return data.withValue(SanitizableData.SANITIZED_VALUE);
            }
        }
        return data;
    }
}
