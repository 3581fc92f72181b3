package org.mailledger.projection.layout;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LayoutMigrations;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.support.DomainSequencingPolicy;

/**
 * The processor every layout runs on: a pooled streaming processor of its own group, whose tokens
 * live in the lookup database's {@code layout_token_entry} and commit in the same transaction as
 * the rows, events sequenced by domain, and an error that stops the processor rather than skip an
 * event.
 */
public final class LayoutProcessors {

  private LayoutProcessors() {}

  /**
   * Migrates the kept layouts' tables, then registers the layout's processor. Called while Axon's
   * configuration is assembled, which builds the processors and their token stores before it asks
   * for the handler beans: the tables must exist by then.
   */
  public static ConfigurerModule module(
      LayoutDescriptor layout, LookupDatabase lookup, ProjectionProperties properties) {
    LayoutMigrations.migrateKept(lookup, Layouts.kept(properties));
    String group = layout.group();
    int segments = properties.segmentsFor(lookup.dialect());
    return configurer ->
        configurer
            .eventProcessing()
            .registerPooledStreamingEventProcessor(
                group,
                Configuration::eventStore,
                (config, builder) ->
                    builder
                        .batchSize(properties.projectionBatchSize())
                        .initialSegmentCount(segments)
                        .maxClaimedSegments(segments))
            .registerTokenStore(
                group,
                config ->
                    JdbcTokenStore.builder()
                        .connectionProvider(lookup.connectionProvider())
                        .serializer(config.serializer())
                        .schema(tokenSchema())
                        .build())
            .registerTransactionManager(group, config -> lookup.axonTransactionManager())
            .registerSequencingPolicy(group, config -> new DomainSequencingPolicy())
            .registerListenerInvocationErrorHandler(
                group, config -> PropagatingErrorHandler.instance());
  }

  /** The token table every layout shares, one row per processor and segment. */
  public static TokenSchema tokenSchema() {
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
