package dev.consentkit.spring;

import dev.consentkit.ConsentKit;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.spring.jpa.SealedFields;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * JPA entities with sealed fields, when JPA is on the class path and field encryption is configured:
 * the {@link SealedFields} service the entities' {@code SealingListener} uses, and a start-up check of
 * every entity's {@code @Sealed} fields against the declared protected fields and purposes.
 */
@AutoConfiguration(after = FieldCryptoAutoConfiguration.class)
@ConditionalOnClass(EntityManagerFactory.class)
@ConditionalOnBean({ConsentKit.class, FieldCrypto.class})
public class ConsentKitJpaAutoConfiguration {
    /** Made by Spring. */
    public ConsentKitJpaAutoConfiguration() {
    }

    /**
     * @param crypto the field crypto
     * @param kit the kit, for its catalogue
     * @param principals who acts, if the application says
     * @return the sealed-field service
     */
    @Bean
    @ConditionalOnMissingBean
    public SealedFields sealedFields(FieldCrypto crypto, ConsentKit kit, ObjectProvider<PrincipalResolver> principals) {
        return new SealedFields(crypto, kit.catalog(), java.util.Optional.ofNullable(principals.getIfAvailable()));
    }

    /**
     * @param fields the sealed-field service
     * @param entityManagerFactories the application's persistence units
     * @return a check, after start-up's singletons, of every entity's sealed fields
     */
    @Bean
    public SmartInitializingSingleton consentKitSealedEntitiesCheck(SealedFields fields,
                                                                   ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return () -> entityManagerFactories.orderedStream().forEach(emf -> {
            for (EntityType<?> entity : emf.getMetamodel().getEntities()) {
                fields.check(entity.getJavaType());
            }
        });
    }
}
