package org.mailledger.projection.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit history's own pooled streaming processor. Its tables live in the event store's database
 * (Flyway's V10__audit), so it uses Axon's default token store there ({@code token_entry}) and the
 * application's transaction manager: rows and token commit together.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AuditConfig {

  @Bean
  public AuditProjection auditProjection(JdbcTemplate jdbc, EventStoreDialect dialect) {
    return new AuditProjection(jdbc, dialect);
  }

  @Bean
  public ConfigurerModule auditProcessor(
      ProjectionProperties properties, EventStoreDialect dialect) {
    String group = AuditProjection.GROUP;
    // The audit tables live beside the event store: its engine decides how many segments are safe.
    int segments =
        properties.segmentsFor(
            dialect == EventStoreDialect.MYSQL
                ? org.mailledger.projection.lookup.Dialect.MYSQL
                : org.mailledger.projection.lookup.Dialect.POSTGRESQL);
    return configurer ->
        configurer
            .eventProcessing()
            .registerPooledStreamingEventProcessor(
                group,
                config -> org.mailledger.projection.support.CommitSignal.of(config.eventStore()),
                (config, builder) ->
                    builder
                        .batchSize(properties.projectionBatchSize())
                        .initialSegmentCount(segments)
                        .maxClaimedSegments(segments))
            // The remembered settings of an aggregate are read and written by one segment at a
            // time, in the aggregate's own order; different aggregates run in parallel.
            .registerSequencingPolicy(group, config -> SequentialPerAggregatePolicy.instance())
            // An event that cannot be recorded stops the processor rather than leaving a hole
            // in the history.
            .registerListenerInvocationErrorHandler(
                group, config -> PropagatingErrorHandler.instance());
  }
}
