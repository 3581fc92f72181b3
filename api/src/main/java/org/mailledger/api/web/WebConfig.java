package org.mailledger.api.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hooks the REST layer into Axon. */
@Configuration(proxyBeanMethods = false)
public class WebConfig {

  @Bean
  public LastEventTracker lastEventTracker(EventStore eventStore) {
    LastEventTracker tracker = new LastEventTracker();
    eventStore.registerDispatchInterceptor(tracker);
    return tracker;
  }
}
