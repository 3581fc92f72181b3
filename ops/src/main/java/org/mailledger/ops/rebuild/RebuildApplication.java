package org.mailledger.ops.rebuild;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.mailledger.ops.status.EventStoreSchema;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutProcessors;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.rebuild.RebuildConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest Spring Boot context a rebuild needs: Axon's auto-configured JDBC storage engine and
 * serializers (the app's own, so the log and the tokens read exactly as the app reads them), the
 * rebuild beans, and the layout's token store. Nothing is component-scanned: no projection and no
 * command handler is a bean, so Axon builds no event processor and starts nothing; {@link
 * org.mailledger.projection.rebuild.LayoutRebuilder} finds no local processor to stop and only
 * checks that no other process claims the layout.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(ProjectionProperties.class)
@Import(RebuildConfig.class)
public class RebuildApplication {

  /** The app's table names, which Axon's auto-configured storage engine picks up. */
  @Bean
  public EventSchema eventSchema() {
    return EventStoreSchema.of();
  }

  /**
   * The swap stores the new position through {@code tokenStore("layout-<name>")}: registered for
   * each kept layout's group without a processor, or Axon would hand out its default store on the
   * event store's {@code token_entry}. The schema is the app's ({@link LayoutProcessors}).
   */
  @Bean
  public ConfigurerModule layoutTokenStores(
      LookupDatabase lookup, ProjectionProperties properties) {
    return configurer -> {
      for (LayoutDescriptor layout : Layouts.kept(properties)) {
        configurer
            .eventProcessing()
            .registerTokenStore(
                layout.group(),
                config ->
                    JdbcTokenStore.builder()
                        .connectionProvider(lookup.connectionProvider())
                        .serializer(config.serializer())
                        .schema(LayoutProcessors.tokenSchema())
                        .build());
      }
    };
  }
}
