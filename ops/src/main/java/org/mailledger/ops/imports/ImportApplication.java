package org.mailledger.ops.imports;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The command side as the app runs it (its aggregates, handlers, claims and rules), and nothing
 * else: no projection, no event processor, no web. Commands reach the same event store and claim
 * tables as the app's, so the claims keep the rules whether the app runs meanwhile or not.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.mailledger.command")
public class ImportApplication {

  /**
   * Copies the fingerprint of the imported source row from each command onto its events, beside the
   * actor and source the command side copies; a later run reads it back from the log.
   */
  @Bean
  public static CorrelationDataProvider importFingerprint() {
    return new SimpleCorrelationDataProvider(LogState.FINGERPRINT);
  }
}
