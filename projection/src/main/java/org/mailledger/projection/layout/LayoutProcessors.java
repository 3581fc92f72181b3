package org.mailledger.projection.layout;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.progress.ProcessingFailures;
import org.mailledger.projection.support.CommitSignal;

/**
 * The processor every layout runs on: a pooled streaming processor of its own group, whose tokens
 * live in the lookup database's {@code layout_token_entry} and commit in the same transaction as
 * the rows, events sequenced by domain, and a failed event that stops its segment rather than be
 * skipped: {@link ProcessingFailures} records it in {@code layout_processing_error} and retries it
 * after a back-off.
 */
public final class LayoutProcessors {

  private LayoutProcessors() {}

  /**
   * Registers the layout's processor with its projection. The layout's tables must exist when this
   * runs (LayoutMigrations): Axon's configuration builds the processors and their token stores
   * before it asks for the handlers.
   */
  public static ConfigurerModule module(
      LayoutDescriptor layout, LookupDatabase lookup, ProjectionProperties properties) {
    String group = layout.group();
    SequencingPolicy<? super EventMessage<?>> sequencing = layout.sequencingPolicy();
    LayoutProjection projection = new LayoutProjection(lookup, layout);
    int segments = properties.segmentsFor(lookup.dialect());
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
            // One projection instance per layout, in its own group: no subclass per layout.
            .registerEventHandler(config -> projection)
            .assignHandlerInstancesMatching(group, handler -> handler == projection)
            .registerPooledStreamingEventProcessor(
                group,
                config -> CommitSignal.of(config.eventStore()),
                (config, builder) ->
                    builder
                        .batchSize(properties.projectionBatchSize())
                        .initialSegmentCount(segments)
                        .maxClaimedSegments(segments)
                        .tokenClaimInterval(properties.projectionClaimInterval().toMillis())
                        .claimExtensionThreshold(properties.projectionClaimExtension().toMillis()))
            .registerTokenStore(
                group,
                config ->
                    JdbcTokenStore.builder()
                        .connectionProvider(lookup.connectionProvider())
                        .serializer(config.serializer())
                        .schema(tokenSchema())
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
