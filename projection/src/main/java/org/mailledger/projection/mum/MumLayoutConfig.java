package org.mailledger.projection.mum;

import org.axonframework.config.ConfigurerModule;
import org.mailledger.projection.config.LayoutCondition;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutProcessors;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code mum} layout: its tables migrated on the lookup database, and its own pooled streaming
 * processor whose tokens live in that database and commit with the rows.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Conditional(MumLayoutConfig.Enabled.class)
public class MumLayoutConfig {

  static final String LAYOUT = MumLayout.NAME;

  /** Kept when {@code mailledger.layouts} names mum (the default). */
  static class Enabled extends LayoutCondition {
    Enabled() {
      super(LAYOUT);
    }
  }

  @Bean
  public MumLayoutProjection mumLayoutProjection(LookupDatabase lookup) {
    return new MumLayoutProjection(lookup);
  }

  @Bean
  public ConfigurerModule mumLayoutProcessor(
      LookupDatabase lookup,
      ProjectionProperties properties,
      ObjectProvider<FlywayMigrationInitializer> eventStoreMigrations) {
    // The event store's own migrations first: with the lookup tables in the same schema, a
    // schema that already holds them would look foreign to Flyway's first run.
    eventStoreMigrations.ifAvailable(initializer -> {});
    return LayoutProcessors.module(MumLayout.descriptor(), lookup, properties);
  }
}
