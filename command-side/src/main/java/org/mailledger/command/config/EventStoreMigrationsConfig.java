package org.mailledger.command.config;

import org.flywaydb.core.Flyway;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Spring Boot's Flyway at the event store migrations of the datasource's engine
 * (db/eventstore/postgresql or db/eventstore/mysql), so one configuration serves both. Boot's own
 * {@code {vendor}} placeholder would name MariaDB "mariadb" or "mysql" depending on the driver.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
public class EventStoreMigrationsConfig {

  @Bean
  public FlywayConfigurationCustomizer eventStoreMigrations() {
    return configuration ->
        configuration.locations(EventStoreDialect.of(configuration.getDataSource()).migrations());
  }
}
