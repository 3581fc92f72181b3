package org.mailledger.projection.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The rebuild of the mum layout, where the mum layout is kept. */
@Configuration(proxyBeanMethods = false)
@Conditional(RebuildCondition.class)
public class RebuildConfig {

  /** Events a shadow-table transaction applies; larger than a processor batch, as nobody waits. */
  static final int PAGE = 2_000;

  @Bean
  public LayoutRebuilder layoutRebuilder(
      LookupDatabase lookup,
      EventStorageEngine eventStorageEngine,
      Serializer serializer,
      EventProcessingConfiguration processing,
      ProjectionProperties properties) {
    return new LayoutRebuilder(lookup, eventStorageEngine, serializer, processing, PAGE);
  }

  @Bean
  public ProjectionStatuses projectionStatuses(
      LookupDatabase lookup,
      EventStorageEngine eventStorageEngine,
      Serializer serializer,
      EventProcessingConfiguration processing,
      Rebuilds rebuilds,
      org.springframework.beans.factory.ObjectProvider<
              org.mailledger.projection.progress.LayoutProgress>
          progress) {
    return new ProjectionStatuses(
        lookup, eventStorageEngine, serializer, processing, rebuilds, progress.getIfAvailable());
  }

  @Bean
  public Rebuilds rebuilds(LayoutRebuilder rebuilder) {
    return new Rebuilds(rebuilder);
  }
}
