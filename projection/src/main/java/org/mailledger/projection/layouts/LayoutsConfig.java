package org.mailledger.projection.layouts;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutMigrations;
import org.mailledger.projection.layout.LayoutProcessors;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every layout that {@code mailledger.layouts} names (default {@code mum}): its tables migrated on
 * the lookup database, and its own pooled streaming processor with its projection, whose tokens
 * live in that database and commit with the rows. The one place the app turns descriptors into
 * processors; a new layout needs nothing here.
 */
@Configuration(proxyBeanMethods = false)
public class LayoutsConfig {

  @Bean
  public ConfigurerModule layoutProcessors(
      LookupDatabase lookup,
      ProjectionProperties properties,
      ObjectProvider<FlywayMigrationInitializer> eventStoreMigrations) {
    // The event store's own migrations first: with the lookup tables in the same schema, a
    // schema that already holds them would look foreign to Flyway's first run.
    eventStoreMigrations.ifAvailable(initializer -> {});
    // While Axon's configuration is assembled: the processors' token stores need the tables.
    List<LayoutDescriptor> kept = Layouts.kept(properties);
    LayoutMigrations.migrateKept(lookup, kept);
    List<ConfigurerModule> modules =
        kept.stream().map(layout -> LayoutProcessors.module(layout, lookup, properties)).toList();
    return configurer -> modules.forEach(module -> module.configureModule(configurer));
  }
}
