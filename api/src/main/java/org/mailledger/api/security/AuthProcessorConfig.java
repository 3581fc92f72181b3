package org.mailledger.api.security;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The authentication read model's processor: subscribing, so it runs inside the command's unit of
 * work and transaction, and propagating errors, since Axon's default handler would only log a
 * failed write and leave an admin able to log in after being disabled.
 */
@Configuration(proxyBeanMethods = false)
public class AuthProcessorConfig {

  @Bean
  public AuthProjection authProjection(JdbcTemplate jdbc, EventStoreDialect dialect) {
    return new AuthProjection(jdbc, dialect);
  }

  @Bean
  public ConfigurerModule authReadModelProcessor() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerSubscribingEventProcessor(AuthProjection.GROUP)
            .registerListenerInvocationErrorHandler(
                AuthProjection.GROUP, config -> PropagatingErrorHandler.instance())
            .registerErrorHandler(
                AuthProjection.GROUP, config -> PropagatingErrorHandler.instance());
  }
}
