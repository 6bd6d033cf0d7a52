package dev.consentkit.spring;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/** An application whose DataSource bean is a TransactionAwareDataSourceProxy over its pool. */
@Configuration(proxyBeanMethods = false)
class ProxiedDataSource {
    @Bean
    @Primary
    DataSource dataSource(DataSourceProperties properties) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        return new TransactionAwareDataSourceProxy(pool);
    }
}
