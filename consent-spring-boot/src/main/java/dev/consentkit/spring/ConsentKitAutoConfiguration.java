package dev.consentkit.spring;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import dev.consentkit.spring.internal.AfterCommitSequencer;
import dev.consentkit.spring.internal.DecisionObserver;
import dev.consentkit.spring.schema.ConsentKitSchema;
import dev.consentkit.spring.schema.FlywayMigrations;
import dev.consentkit.spring.transaction.SpringConnectionSource;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * ConsentKit on the application's {@link DataSource}: a {@link JdbcStorage} that joins Spring's
 * transactions ({@link SpringConnectionSource}), its tables prepared as {@code consentkit.schema.*}
 * says, and a {@link ConsentKit} over the application's {@link ProcessingCatalog} bean with the keys
 * from {@code consentkit.*}. Every bean yields to one of the application's own of the same type.
 * Field encryption is configured by {@link FieldCryptoAutoConfiguration} when the application
 * declares protected fields.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "consentkit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsentKitProperties.class)
public class ConsentKitAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentKitAutoConfiguration.class);

    /** Made by Spring. */
    public ConsentKitAutoConfiguration() {
    }

    /**
     * @param dataSource the application's data source
     * @return the connection source joining Spring's transactions
     */
    @Bean
    @ConditionalOnMissingBean
    public SpringConnectionSource consentKitConnectionSource(DataSource dataSource) {
        return SpringConnectionSource.of(dataSource);
    }

    /**
     * Prepares ConsentKit's tables: the installer or ConsentKit's own Flyway run, or nothing when the
     * application manages them.
     *
     * @param source the connection source, for its pool
     * @param properties the settings
     * @return what was done
     * @throws ConsentKitConfigurationException if both the installer and Flyway are asked for, the
     *     prefix is malformed, or Flyway is asked for but missing
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public ConsentKitSchema consentKitSchema(SpringConnectionSource source, ConsentKitProperties properties) {
        String prefix = checkedPrefix(source.pool(), properties);
        ConsentKitProperties.Schema schema = properties.getSchema();
        if (schema.isInstall() && schema.getFlyway().isEnabled()) {
            throw new ConsentKitConfigurationException("consentkit.schema.install", "consentkit.schema.install and"
                    + " consentkit.schema.flyway.enabled are both true: choose one way to prepare ConsentKit's tables");
        }
        if (schema.isInstall()) {
            List<Integer> applied = SchemaInstaller.of(source.pool(), prefix).install();
            return new ConsentKitSchema(ConsentKitSchema.Manager.INSTALLER, applied);
        }
        if (schema.getFlyway().isEnabled()) {
            if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", getClass().getClassLoader())) {
                throw new ConsentKitConfigurationException("consentkit.schema.flyway.enabled",
                        "consentkit.schema.flyway.enabled is true but Flyway is not on the class path:"
                                + " add org.flywaydb:flyway-core (and flyway-database-postgresql or flyway-mysql)");
            }
            List<Integer> applied = FlywayMigrations.migrate(source.pool(), prefix, schema.getFlyway().getTable());
            if (!applied.isEmpty()) {
                LOG.info("ConsentKit schema migrated by Flyway to version {} (prefix {})", applied.get(applied.size() - 1), prefix);
            }
            return new ConsentKitSchema(ConsentKitSchema.Manager.FLYWAY, applied);
        }
        return new ConsentKitSchema(ConsentKitSchema.Manager.APPLICATION, List.of());
    }

    /**
     * @param source the connection source
     * @param schema the prepared schema (the storage checks its version)
     * @param properties the settings
     * @return the storage; it waits for the application's own database initialisers (Flyway, Liquibase,
     *     SQL scripts) too
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public JdbcStorage consentKitStorage(SpringConnectionSource source, ConsentKitSchema schema,
                                         ConsentKitProperties properties) {
        return JdbcStorage.builder(source.pool())
                .tablePrefix(checkedPrefix(source.pool(), properties))
                .connectionSource(source)
                .ownTransactions(source.ownTransactions())
                .build();
    }

    /**
     * @param storage the storage
     * @param catalog the application's processing catalogue; required
     * @param accessPolicy the application's access policy, if any
     * @param clock the application's clock, if it has exactly one
     * @param customizers applied before building
     * @param source the Spring connection source, if it is in use: the audit entries of a Spring
     *     transaction are linked after it commits
     * @param properties the settings
     * @return the kit
     * @throws ConsentKitConfigurationException if a key is missing or malformed, naming its property
     */
    @Bean(destroyMethod = "close") // on shutdown, before the pool it depends on: queued read audits are written
    @ConditionalOnMissingBean
    public ConsentKit consentKit(JdbcStorage storage, ObjectProvider<ProcessingCatalog> catalog,
                                 ObjectProvider<AccessPolicy> accessPolicy, ObjectProvider<Clock> clock,
                                 ObjectProvider<ConsentKitBuilderCustomizer> customizers,
                                 ObjectProvider<SpringConnectionSource> source, ConsentKitProperties properties) {
        ProcessingCatalog declared = catalog.getIfAvailable(() -> {
            throw new IllegalStateException("ConsentKit needs a ProcessingCatalog bean: declare the application's"
                    + " purposes, categories and notices as a @Bean");
        });
        ConsentKit.Builder builder = ConsentKit.builder()
                .catalog(declared)
                .storage(storage)
                .auditKey(Secrets.hmacKey(properties.getAuditKey(), "consentkit.audit-key", "the audit chain's HMAC key"))
                .pseudonymKey(Secrets.hmacKey(properties.getPseudonymKey(), "consentkit.pseudonym-key",
                        "the key of subject references"))
                .jurisdiction(jurisdiction(properties.getJurisdiction()));
        try {
            builder.clockTolerance(properties.getClockTolerance());
        } catch (IllegalArgumentException e) {
            throw new ConsentKitConfigurationException("consentkit.clock-tolerance", "consentkit.clock-tolerance: " + e.getMessage());
        }
        accessPolicy.ifAvailable(builder::accessPolicy);
        Clock appClock = clock.getIfUnique();
        if (appClock != null) {
            builder.clock(appClock);
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        ConsentKit kit;
        try {
            kit = builder.build();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("must differ")) {
                throw new ConsentKitConfigurationException("consentkit.pseudonym-key",
                        "consentkit.pseudonym-key must differ from consentkit.audit-key");
            }
            throw e;
        }
        if (properties.getTransactions().isSequenceAfterCommit()) {
            source.ifAvailable(s -> s.afterCommitOfWrites(new AfterCommitSequencer(kit)));
        }
        return kit;
    }

    /**
     * @param kit the kit
     * @param observers who hears each decision (the metrics)
     * @return consent checks, counted by the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public ConsentChecks consentChecks(ConsentKit kit, ObjectProvider<DecisionObserver> observers) {
        return new ConsentChecks(kit, observers.orderedStream().toList());
    }

    private static String checkedPrefix(DataSource pool, ConsentKitProperties properties) {
        try {
            JdbcStorage.builder(pool).tablePrefix(properties.getTablePrefix());
            return properties.getTablePrefix();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConsentKitConfigurationException("consentkit.table-prefix", "consentkit.table-prefix is malformed: "
                    + e.getMessage());
        }
    }

    static Jurisdiction jurisdiction(String id) {
        String normal = id == null ? "" : id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normal) {
            case "GDPR" -> Jurisdiction.GDPR;
            case "RU_152FZ", "RU152FZ" -> Jurisdiction.RU_152FZ;
            default -> throw new ConsentKitConfigurationException("consentkit.jurisdiction",
                    "consentkit.jurisdiction must be GDPR or RU_152FZ");
        };
    }
}
