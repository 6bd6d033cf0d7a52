package dev.consentkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.spring.app.BookingCatalog;
import dev.consentkit.spring.app.TestKeys;
import dev.consentkit.spring.transaction.SpringConnectionSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration's contract: beans from {@code consentkit.*}, each replaceable; a missing or
 * malformed secret stops start-up with a message naming its property and never its value; secrets
 * masked wherever Spring shows configuration.
 */
class ConsentKitAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ConsentKitAutoConfiguration.class,
                    FieldCryptoAutoConfiguration.class))
            .withUserConfiguration(Catalog.class)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:auto-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "consentkit.schema.install=true");

    @Configuration(proxyBeanMethods = false)
    static class Catalog {
        @Bean
        ProcessingCatalog catalog() {
            return BookingCatalog.catalog();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Fields {
        @Bean
        ProtectedField phone() {
            return BookingCatalog.PHONE;
        }

        @Bean
        dev.consentkit.core.access.AccessPolicy policy(ProcessingCatalog catalog) {
            return BookingCatalog.policy(catalog);
        }
    }

    @Test
    void theKitIsBuiltOnTheApplicationsDataSourceFromTheProperties() {
        runner.withPropertyValues(keys()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ConsentKit.class).hasSingleBean(JdbcStorage.class)
                    .hasSingleBean(SpringConnectionSource.class).hasSingleBean(ConsentChecks.class)
                    .doesNotHaveBean(FieldCrypto.class);
            assertThat(context.getBean(JdbcStorage.class).tablePrefix()).isEqualTo("ck_");
        });
    }

    @Test
    void fieldCryptoIsBuiltWhenTheApplicationDeclaresProtectedFields() {
        runner.withUserConfiguration(Fields.class).withPropertyValues(keys())
                .withPropertyValues("consentkit.crypto.master-key=" + TestKeys.MASTER, "consentkit.crypto.blind-index-key=" + TestKeys.INDEX)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FieldCrypto.class));
    }

    @Test
    void everyBeanYieldsToTheApplicationsOwn() {
        runner.withPropertyValues(keys()).withUserConfiguration(OwnKit.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ConsentKit.class)).isSameAs(OwnKit.KIT);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKit {
        static final ConsentKit KIT = ConsentKit.builder().catalog(BookingCatalog.catalog())
                .auditKey(dev.consentkit.core.HmacKey.fromBase64(TestKeys.AUDIT))
                .pseudonymKey(dev.consentkit.core.HmacKey.fromBase64(TestKeys.PSEUDONYM)).build();

        @Bean
        ConsentKit ownKit() {
            return KIT;
        }
    }

    @Test
    void aMissingAuditKeyStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("consentkit.pseudonym-key=" + TestKeys.PSEUDONYM).run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(ConsentKitConfigurationException.class)
                        .hasMessageContaining("consentkit.audit-key").hasMessageContaining("CONSENTKIT_AUDITKEY"));
    }

    @Test
    void aMalformedKeyIsNamedButNeverEchoed() {
        String secretButBroken = "not base64 but a secret !!";
        runner.withPropertyValues("consentkit.audit-key=" + secretButBroken, "consentkit.pseudonym-key=" + TestKeys.PSEUDONYM)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("consentkit.audit-key").hasMessageNotContaining(secretButBroken));
    }

    @Test
    void protectedFieldsWithoutAMasterKeyStopStartUpNamingTheProperty() {
        runner.withUserConfiguration(Fields.class).withPropertyValues(keys())
                .withPropertyValues("consentkit.crypto.blind-index-key=" + TestKeys.INDEX)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(ConsentKitConfigurationException.class)
                        .hasMessageContaining("consentkit.crypto.master-key"));
        runner.withUserConfiguration(Fields.class).withPropertyValues(keys())
                .withPropertyValues("consentkit.crypto.master-key=" + TestKeys.MASTER)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("consentkit.crypto.blind-index-key"));
    }

    @Test
    void aMalformedPrefixOrJurisdictionIsNamed() {
        runner.withPropertyValues(keys()).withPropertyValues("consentkit.table-prefix=ck; drop table x")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("consentkit.table-prefix"));
        runner.withPropertyValues(keys()).withPropertyValues("consentkit.jurisdiction=mars")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("consentkit.jurisdiction"));
    }

    @Test
    void secretsAreMaskedInToStringAndInTheConfigpropsEndpointEvenWhenValuesAreShown() {
        runner.withUserConfiguration(Fields.class).withPropertyValues(keys())
                .withPropertyValues("consentkit.crypto.master-key=" + TestKeys.MASTER, "consentkit.crypto.blind-index-key=" + TestKeys.INDEX)
                .withConfiguration(AutoConfigurations.of(dev.consentkit.spring.actuate.ConsentKitHealthAutoConfiguration.class))
                .run(context -> {
                    ConsentKitProperties properties = context.getBean(ConsentKitProperties.class);
                    assertThat(properties.toString()).doesNotContain(TestKeys.AUDIT).doesNotContain(TestKeys.MASTER)
                            .doesNotContain(TestKeys.INDEX).doesNotContain(TestKeys.PSEUDONYM).contains("<masked>");
                    var endpoint = new ConfigurationPropertiesReportEndpoint(
                            context.getBeanProvider(org.springframework.boot.actuate.endpoint.SanitizingFunction.class)
                                    .orderedStream().toList(), Show.ALWAYS);
                    endpoint.setApplicationContext(context);
                    StringBuilder report = new StringBuilder();
                    endpoint.configurationPropertiesWithPrefix("consentkit").getContexts().values().forEach(c ->
                            c.getBeans().values().forEach(b -> report.append(b.getProperties())));
                    assertThat(report.toString()).contains("ck_").contains("auditKey")
                            .doesNotContain(TestKeys.AUDIT).doesNotContain(TestKeys.PSEUDONYM)
                            .doesNotContain(TestKeys.MASTER).doesNotContain(TestKeys.INDEX);
                });
    }

    @Test
    void theDefaultMasterKeyIdIsTheOneTheEnvironmentProviderGivesTheSameKey() throws ReflectiveOperationException {
        byte[] key = java.util.Base64.getDecoder().decode(TestKeys.MASTER);
        java.lang.reflect.Method fingerprint = dev.consentkit.crypto.LocalKeyEncryptionKeys.class
                .getDeclaredMethod("fingerprintId", String.class, byte[].class);
        fingerprint.setAccessible(true);
        dev.consentkit.core.KekId fromEnvironment = (dev.consentkit.core.KekId) fingerprint.invoke(null, "env", key);

        assertThat(FieldCryptoAutoConfiguration.environmentKekId(key)).isEqualTo(fromEnvironment.value());
    }

    private static String[] keys() {
        return new String[] {"consentkit.audit-key=" + TestKeys.AUDIT, "consentkit.pseudonym-key=" + TestKeys.PSEUDONYM};
    }
}
