package org.mailledger.projection.progress;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Progress as Micrometer gauges: {@code mailledger.eventstore.head}, and per layout {@code
 * mailledger.projection.position} and {@code mailledger.projection.lag} (events behind the head).
 */
@Configuration(proxyBeanMethods = false)
public class ProgressConfig {

  @Bean
  public LayoutProgress layoutProgress(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      ProjectionProperties properties,
      ObjectProvider<MeterRegistry> registries) {
    LayoutProgress progress = new LayoutProgress(processing, eventStore);
    registries.ifAvailable(
        registry -> {
          Gauge.builder("mailledger.eventstore.head", progress, LayoutProgress::head)
              .description("global index of the newest event in the log")
              .register(registry);
          Set<String> kept = new LinkedHashSet<>();
          properties.layouts().forEach(name -> kept.add(name.trim().toLowerCase(Locale.ROOT)));
          for (String layout : kept) {
            String group = LayoutGroups.of(layout);
            Gauge.builder(
                    "mailledger.projection.position", progress, p -> p.position(group).orElse(-1))
                .description(
                    "log position every segment of the layout has applied; -1 while not running")
                .tag("layout", layout)
                .register(registry);
            Gauge.builder("mailledger.projection.lag", progress, p -> p.lag(group))
                .description("events in the log that the layout has not applied yet")
                .tag("layout", layout)
                .register(registry);
          }
        });
    return progress;
  }

  @Bean
  public LayoutStatuses layoutStatuses(
      EventProcessingConfiguration processing,
      LayoutProgress progress,
      ObjectProvider<RebuildStates> rebuilds,
      LookupDatabase lookup,
      EventStorageEngine eventStorageEngine,
      Serializer serializer) {
    return new LayoutStatuses(
        processing, progress, rebuilds.getIfAvailable(), lookup, eventStorageEngine, serializer);
  }
}
