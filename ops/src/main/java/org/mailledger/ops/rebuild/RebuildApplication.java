package org.mailledger.ops.rebuild;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.mailledger.ops.status.EventStoreSchema;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.mum.MumLayoutProjection;
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
   * The swap stores the new position through {@code tokenStore("layout-mum")}: registered for the
   * group without a processor, or Axon would hand out its default store on the event store's {@code
   * token_entry}. The schema is the app's (MumLayoutConfig), repeated here as it is not public
   * there.
   */
  @Bean
  public ConfigurerModule layoutTokenStore(LookupDatabase lookup) {
    return configurer ->
        configurer
            .eventProcessing()
            .registerTokenStore(
                MumLayoutProjection.GROUP,
                config ->
                    JdbcTokenStore.builder()
                        .connectionProvider(lookup.connectionProvider())
                        .serializer(config.serializer())
                        .schema(
                            TokenSchema.builder()
                                .setTokenTable("layout_token_entry")
                                .setProcessorNameColumn("processor_name")
                                .setSegmentColumn("segment")
                                .setTokenColumn("token")
                                .setTokenTypeColumn("token_type")
                                .setTimestampColumn("timestamp")
                                .setOwnerColumn("owner")
                                .build())
                        .build());
  }
}
