package org.mailledger.projection.mum;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.mailledger.projection.config.LayoutCondition;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LayoutMigrations;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.progress.ProcessingFailures;
import org.mailledger.projection.support.DomainSequencingPolicy;
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

  static final String LAYOUT = "mum";

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
    // Here rather than with the projection bean: Axon builds its processors, and their token
    // stores, from these modules before it asks for the handler beans.
    LayoutMigrations.migrate(lookup, LAYOUT);
    String group = MumLayoutProjection.GROUP;
    DomainSequencingPolicy sequencing = new DomainSequencingPolicy();
    AtomicReference<Configuration> axon = new AtomicReference<>();
    ProcessingFailures failures =
        new ProcessingFailures(
            group,
            lookup,
            sequencing,
            () ->
                Optional.ofNullable(axon.get())
                    .flatMap(
                        c ->
                            c.eventProcessingConfiguration()
                                .eventProcessor(group, StreamingEventProcessor.class)),
            properties.projectionRetryInitial(),
            properties.projectionRetryMax());
    return configurer ->
        configurer
            .eventProcessing()
            .registerPooledStreamingEventProcessor(
                group,
                Configuration::eventStore,
                (config, builder) ->
                    builder
                        .batchSize(properties.projectionBatchSize())
                        .initialSegmentCount(properties.segmentsFor(lookup.dialect()))
                        .maxClaimedSegments(properties.segmentsFor(lookup.dialect()))
                        .tokenClaimInterval(properties.projectionClaimInterval().toMillis())
                        .claimExtensionThreshold(properties.projectionClaimExtension().toMillis()))
            .registerTokenStore(
                group,
                config ->
                    JdbcTokenStore.builder()
                        .connectionProvider(lookup.connectionProvider())
                        .serializer(config.serializer())
                        .schema(layoutTokenSchema())
                        .claimTimeout(properties.projectionClaimTimeout())
                        .build())
            .registerTransactionManager(group, config -> lookup.axonTransactionManager())
            .registerSequencingPolicy(group, config -> failures.guarding(sequencing))
            .registerListenerInvocationErrorHandler(
                group,
                config -> {
                  axon.set(config);
                  return failures;
                })
            .registerErrorHandler(
                group,
                config -> {
                  axon.set(config);
                  return failures;
                });
  }

  static TokenSchema layoutTokenSchema() {
    return TokenSchema.builder()
        .setTokenTable("layout_token_entry")
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("timestamp")
        .setOwnerColumn("owner")
        .build();
  }
}
