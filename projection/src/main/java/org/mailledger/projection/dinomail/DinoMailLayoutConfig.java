package org.mailledger.projection.dinomail;

import org.axonframework.config.ConfigurerModule;
import org.mailledger.projection.config.LayoutCondition;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutProcessors;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The {@code dinomail} layout, where {@code mailledger.layouts} names it. */
@Configuration(proxyBeanMethods = false)
@Conditional(DinoMailLayoutConfig.Enabled.class)
public class DinoMailLayoutConfig {

  static class Enabled extends LayoutCondition {
    Enabled() {
      super(DinoMailLayout.NAME);
    }
  }

  @Bean
  public DinoMailLayoutProjection dinoMailLayoutProjection(
      LookupDatabase lookup, ProjectionProperties properties) {
    return new DinoMailLayoutProjection(lookup, properties.layout().dinomail().tablePrefix());
  }

  @Bean
  public ConfigurerModule dinoMailLayoutProcessor(
      LookupDatabase lookup,
      ProjectionProperties properties,
      ObjectProvider<FlywayMigrationInitializer> eventStoreMigrations) {
    eventStoreMigrations.ifAvailable(initializer -> {});
    return LayoutProcessors.module(
        DinoMailLayout.descriptor(properties.layout().dinomail().tablePrefix()),
        lookup,
        properties);
  }
}
