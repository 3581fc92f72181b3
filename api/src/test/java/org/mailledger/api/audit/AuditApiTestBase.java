package org.mailledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mailledger.projection.audit.AuditProjection;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole app on a real PostgreSQL: commands through the gateway with audit metadata, HTTP
 * through MockMvc with a mock user (the real login lives elsewhere).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mailledger.bcrypt-cost=4")
@AutoConfigureMockMvc
abstract class AuditApiTestBase {

  @Autowired protected CommandGateway gateway;
  @Autowired protected LayoutProgress progress;
  @Autowired protected MockMvc http;

  protected static void eventStore(DynamicPropertyRegistry registry, TestDatabase database) {
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }

  protected static String id() {
    return UUID.randomUUID().toString();
  }

  /** Sends as the named admin; the handler's own exception comes back unwrapped. */
  protected <R> R as(String actor, Object command) {
    try {
      return gateway.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .andMetaData(Map.of("actor", actor, "source", "192.0.2.1")));
    } catch (CommandExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * An instant after everything sent so far and before anything sent later. The log keeps
   * milliseconds, so the next command waits for the clock to pass the next one.
   */
  protected static Instant mark() throws InterruptedException {
    Instant now = Instant.now();
    Thread.sleep(5);
    return now;
  }

  protected void awaitAudit() throws InterruptedException {
    long head = progress.head();
    assertThat(progress.awaitPosition(AuditProjection.GROUP, head, Duration.ofSeconds(60)))
        .as("audit reaches log position %d", head)
        .isTrue();
  }
}
