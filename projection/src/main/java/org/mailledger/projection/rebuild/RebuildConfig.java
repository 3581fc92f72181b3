package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutMigrations;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The rebuild of every kept layout ({@code mailledger.layouts}), one rebuilder each. */
@Configuration(proxyBeanMethods = false)
public class RebuildConfig {

  /**
   * The rebuild reads the log itself (see {@link LogPages}) unless an upcaster is configured, which
   * only Axon's storage engine applies. {@code mailledger.rebuild.events-per-transaction} and
   * {@code mailledger.rebuild.pause-per-transaction} pace it (see {@link RebuildSettings}). The
   * rebuilders are not beans of their own: {@link Rebuilds} hands out each layout's.
   */
  @Bean
  public Rebuilds rebuilds(
      LookupDatabase lookup,
      ProjectionProperties properties,
      EventStorageEngine eventStorageEngine,
      Serializer serializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      DataSource eventStore,
      ObjectProvider<EventSchema> eventSchema,
      ObjectProvider<EventUpcaster> upcasters,
      EventProcessingConfiguration processing,
      Environment environment) {
    // The progress table is one of the shared layout tables. The app has migrated them by now;
    // `ops rebuild` runs no layout migrations, and finds them here on a database the app last
    // migrated before they had a location of their own.
    LayoutMigrations.migrateShared(lookup);
    LogPages pages =
        upcasters.stream().findAny().isPresent()
            ? null
            : new LogPages(
                eventStore,
                eventSchema.getIfAvailable(() -> EventSchema.builder().build()),
                eventSerializer);
    RebuildSettings settings =
        new RebuildSettings(
            environment.getProperty(
                "mailledger.rebuild.events-per-transaction",
                Integer.class,
                RebuildSettings.DEFAULT.eventsPerTransaction()),
            environment.getProperty(
                "mailledger.rebuild.pause-per-transaction", Duration.class, Duration.ZERO));
    List<LayoutRebuilder> rebuilders = new ArrayList<>();
    for (LayoutDescriptor layout : Layouts.kept(properties)) {
      rebuilders.add(
          new LayoutRebuilder(
              lookup,
              eventStorageEngine,
              pages,
              serializer,
              processing,
              RebuildLayout.of(layout, lookup.dialect()),
              settings,
              properties.segmentsFor(lookup.dialect())));
    }
    return new Rebuilds(rebuilders);
  }
}
