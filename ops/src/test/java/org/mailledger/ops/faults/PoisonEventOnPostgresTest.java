package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.progress.ProcessingFailures;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.value.Quota;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poison event with the log and the lookup tables in one PostgreSQL database, 4 segments; the
 * subclasses run the same on the other layouts.
 */
class PoisonEventOnPostgresTest extends PoisonEventScenario {

  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabases.postgres();
  }

  @Override
  Db eventStore() {
    return Db.of(db);
  }

  @Override
  Db lookup() {
    return null;
  }

  @Override
  JdbcTemplate tables() {
    return new JdbcTemplate(db.dataSource());
  }

  @Override
  int segments() {
    return 4;
  }

  /**
   * A stored event whose payload no longer decodes: its domain, and so its segment, is unknown, so
   * every segment stops on it; once the payload is readable again (the fix deployed) they go on.
   */
  @Test
  void anEventThatDoesNotDecodeStopsEverySegmentUntilItDecodes() throws Exception {
    JdbcTemplate jdbc = tables();
    PoisonLayout layout = layout();
    Map<String, String> quickRetries = quickRetries();
    String mailbox;
    long broken;
    byte[] payload;
    try (Node writer = new Node(eventStore(), null, quickRetries)) {
      writer.createDomain("undecodable.example");
      mailbox = writer.createMailbox("box@undecodable.example");
      assertThat(writer.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();
      writer
          .context
          .getBean(EventProcessingConfiguration.class)
          .eventProcessor("layout-" + layout.name(), StreamingEventProcessor.class)
          .orElseThrow()
          .shutDown();
      writer.send(new ChangeMailboxQuotaCommand(mailbox, Quota.ofGigabytes(4)));
      broken = writer.progress().head();
    }
    // Corrupted while no app runs: a running event store would serve the event from its cache.
    payload =
        jdbc.queryForObject(
            "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, broken);
    jdbc.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
        "{\"mailboxId\":".getBytes(StandardCharsets.UTF_8),
        broken);
    try (Node node = new Node(eventStore(), null, quickRetries)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      ProjectionStatus status = node.status(layout.name());
      while (!"error".equals(status.state()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        status = node.status(layout.name());
      }
      assertThat(status.state()).as("%s", status).isEqualTo("error");
      FailedEvent error = status.error();
      assertThat(error.segment()).isEqualTo(ProcessingFailures.ALL_SEGMENTS);
      assertThat(error.position()).isEqualTo(broken);
      assertThat(error.type()).isEqualTo("MailboxQuotaChangedEvent");
      assertThat(error.aggregate()).isEqualTo(mailbox);
      if (layout.operatorToolsKnowIt()) {
        Run table = Node.ops(eventStore(), null, "status");
        assertThat(table.out()).contains("every segment stopped on event " + broken);
      }
      Thread.sleep(3_000);
      assertThat(node.status(layout.name()).error().attempts()).isBetween(1, 6);

      jdbc.update(
          "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, broken);
      assertThat(node.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();
      assertThat(node.status(layout.name()).state()).isEqualTo("running");
      assertThat(node.status(layout.name()).error()).isNull();
      assertThat(layout.quotaOf(jdbc, "box")).isEqualTo(layout.quota(4));
      if (layout.operatorToolsKnowIt()) {
        Run verify = Node.ops(eventStore(), null, "verify", "--layout", "mum");
        assertThat(verify.exit()).as(verify.out()).isZero();
      }
    }
  }
}
