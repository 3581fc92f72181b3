package org.mailledger.projection.postfixadmin;

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

/** The {@code postfixadmin} layout, where {@code mailledger.layouts} names it. */
@Configuration(proxyBeanMethods = false)
@Conditional(PostfixAdminLayoutConfig.Enabled.class)
public class PostfixAdminLayoutConfig {

  static class Enabled extends LayoutCondition {
    Enabled() {
      super(PostfixAdminLayout.NAME);
    }
  }

  @Bean
  public PostfixAdminLayoutProjection postfixAdminLayoutProjection(LookupDatabase lookup) {
    return new PostfixAdminLayoutProjection(lookup);
  }

  @Bean
  public ConfigurerModule postfixAdminLayoutProcessor(
      LookupDatabase lookup,
      ProjectionProperties properties,
      ObjectProvider<FlywayMigrationInitializer> eventStoreMigrations) {
    eventStoreMigrations.ifAvailable(initializer -> {});
    return LayoutProcessors.module(
        PostfixAdminLayout.descriptor(), lookup, properties, new PostfixAdminSequencingPolicy());
  }
}
