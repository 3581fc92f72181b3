package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.ops.e2e.LookupEngine;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.progress.ProcessingFailures;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.projection.rebuild.Rebuilds;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.value.Quota;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poison event: a mailbox row deleted by hand, then a quota change for it. The segment that
 * handles that domain stops on the event and says which one; later events of the same domain wait
 * behind it; the back-off keeps the retries few; once the tables are repaired (a rebuild where the
 * layout has one, the row put back otherwise) the segment goes on and the state clears. Run for
 * every layout, each kept alone, with its tables on every engine.
 */
@ParameterizedClass(name = "{1} on {0}")
@MethodSource("everyEngineAndLayout")
class PoisonEventTest {

  static Stream<Arguments> everyEngineAndLayout() {
    return Stream.of(LookupEngine.values())
        .flatMap(engine -> PoisonLayout.ALL.stream().map(l -> Arguments.of(engine, l)));
  }

  @Parameter(0)
  LookupEngine engine;

  @Parameter(1)
  PoisonLayout layout;

  /** Mailboxes created in front of the poison event while the processor is held back. */
  private static final int FIRST = 10;

  private PoisonDatabases databases;
  private Node node;

  @BeforeEach
  void databases() {
    databases = PoisonDatabases.on(engine);
  }

  private Db eventStore() {
    return databases.eventStore();
  }

  private Db lookup() {
    return databases.lookup();
  }

  private JdbcTemplate tables() {
    return databases.tables();
  }

  private int segments() {
    return databases.segments();
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theSegmentStopsOnThePoisonEventAndStatusNamesIt() throws Exception {
    node = new Node(eventStore(), lookup(), layout.appProperties());
    String poisoned = "poison.example";
    String other = otherSegmentThan(poisoned);
    node.createDomain(poisoned);
    node.createDomain(other);
    String victim = node.createMailbox("victim@" + poisoned);
    node.createMailbox("ok@" + other);
    assertThat(node.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();

    Map<String, Object> row = layout.row(tables(), "victim");
    assertThat(
            tables().update("DELETE FROM " + layout.mailboxes() + " WHERE local_part = 'victim'"))
        .isEqualTo(1);
    // Held back, so that events that apply wait in front of the poison event and are handed over
    // with it: the error must name the event that found no row, not the first of its batch.
    StreamingEventProcessor processor = node.processor(layout.name());
    processor.shutDown();
    for (int i = 0; i < FIRST; i++) {
      node.createMailbox("first" + i + "@" + poisoned);
    }
    node.send(new ChangeMailboxQuotaCommand(victim, Quota.ofGigabytes(3)));
    long poison = node.progress().head();
    node.createMailbox("after@" + poisoned);
    node.createMailbox("later@" + other);
    processor.start();

    ProjectionStatus status = awaitState("error", Duration.ofSeconds(30));
    FailedEvent error = status.error();
    assertThat(error.position()).isEqualTo(poison);
    assertThat(error.type()).isEqualTo("MailboxQuotaChangedEvent");
    assertThat(error.aggregate()).isEqualTo(victim);
    assertThat(error.message()).contains("MissingRowException").contains("victim@" + poisoned);
    assertThat(status.position()).isLessThan(poison);

    // The retries back off: 0.5 s, 1 s, 2 s, 2 s... so about 5 tries in 6 s, not one a batch.
    Thread.sleep(6_000);
    FailedEvent later = node.status(layout.name()).error();
    assertThat(later.position()).isEqualTo(poison);
    assertThat(later.attempts()).isBetween(2, 8);
    assertThat(later.firstFailed()).isEqualTo(error.firstFailed());

    // Nothing after the poison event in its domain is applied out of order...
    assertThat(layout.count(tables(), "after")).isZero();
    if (segments() > 1) {
      // ...while the other segments go on.
      assertThat(awaitCount("later", Duration.ofSeconds(10))).isEqualTo(1);
    }

    if (layout.operatorToolsKnowIt()) {
      operatorSeesItAndRebuilds(poison, victim, poisoned);
    } else {
      // The operator's fix where no rebuild exists yet: the row put back as it was.
      layout.restore(tables(), row);
    }
    assertThat(node.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();
    ProjectionStatus repaired = node.status(layout.name());
    assertThat(repaired.state()).isEqualTo("running");
    assertThat(repaired.error()).isNull();
    for (int i = 0; i < FIRST; i++) {
      assertThat(layout.count(tables(), "first" + i)).isEqualTo(1);
    }
    assertThat(layout.count(tables(), "after")).isEqualTo(1);
    assertThat(layout.quotaOf(tables(), "victim")).isEqualTo(layout.quota(3));
  }

  /**
   * A stored event whose payload no longer decodes: its domain, and so its segment, is unknown, so
   * every segment stops on it; once the payload is readable again (the fix deployed) they go on.
   */
  @Test
  void anEventThatDoesNotDecodeStopsEverySegmentUntilItDecodes() throws Exception {
    JdbcTemplate log = databases.log();
    String mailbox;
    long broken;
    byte[] payload;
    try (Node writer = new Node(eventStore(), lookup(), layout.appProperties())) {
      writer.createDomain("undecodable.example");
      mailbox = writer.createMailbox("box@undecodable.example");
      assertThat(writer.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();
      writer.processor(layout.name()).shutDown();
      writer.send(new ChangeMailboxQuotaCommand(mailbox, Quota.ofGigabytes(4)));
      broken = writer.progress().head();
    }
    // Corrupted while no app runs: a running event store would serve the event from its cache.
    payload =
        log.queryForObject(
            "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, broken);
    log.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
        "{\"mailboxId\":".getBytes(StandardCharsets.UTF_8),
        broken);
    try (Node node = new Node(eventStore(), lookup(), layout.appProperties())) {
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
        Run table = Node.ops(eventStore(), lookup(), "status");
        assertThat(table.out()).contains("every segment stopped on event " + broken);
      }
      Thread.sleep(3_000);
      assertThat(node.status(layout.name()).error().attempts()).isBetween(1, 6);

      log.update(
          "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, broken);
      assertThat(node.awaitHead(layout.name(), Duration.ofSeconds(30))).isTrue();
      assertThat(node.status(layout.name()).state()).isEqualTo("running");
      assertThat(node.status(layout.name()).error()).isNull();
      assertThat(layout.quotaOf(tables(), "box")).isEqualTo(layout.quota(4));
      if (layout.operatorToolsKnowIt()) {
        Run verify = Node.ops(eventStore(), lookup(), "verify", "--layout", "mum");
        assertThat(verify.exit()).as(verify.out()).isZero();
      }
    }
  }

  /** {@code ops status} names the event, {@code ops verify} the row; a rebuild repairs it all. */
  private void operatorSeesItAndRebuilds(long poison, String victim, String poisoned)
      throws InterruptedException {
    Run json = Node.ops(eventStore(), lookup(), "status", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .contains("\"state\":\"error\"")
        .contains("\"position\":" + poison + ",\"type\":\"MailboxQuotaChangedEvent\"")
        .contains("\"aggregate\":\"" + victim + "\"");
    Run table = Node.ops(eventStore(), lookup(), "status");
    System.out.println("ops status on a poison event:\n" + table.out() + json.out());
    assertThat(table.out())
        .contains("error")
        .contains("stopped on event " + poison + " (MailboxQuotaChangedEvent, aggregate " + victim)
        .contains("MissingRowException");
    Run verify = Node.ops(eventStore(), lookup(), "verify", "--layout", "mum");
    assertThat(verify.exit()).as(verify.out()).isEqualTo(1);
    assertThat(verify.out()).contains("missing").contains("victim@" + poisoned);

    Rebuilds rebuilds = node.context.getBean(Rebuilds.class);
    assertThat(rebuilds.start("mum")).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (rebuilds.state("mum") == Rebuilds.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(rebuilds.failure("mum")).isEmpty();
    assertThat(node.awaitHead(Duration.ofSeconds(30))).isTrue();
    Run clean = Node.ops(eventStore(), lookup(), "verify", "--layout", "mum");
    assertThat(clean.exit()).as(clean.out()).isZero();
    assertThat(Node.ops(eventStore(), lookup(), "status", "--json").out())
        .contains("\"state\":\"running\"")
        .doesNotContain("\"error\"");
  }

  /** A domain whose events another of the default segments handles. */
  private String otherSegmentThan(String domain) {
    Segment[] all =
        Segment.splitBalanced(Segment.ROOT_SEGMENT, segments() - 1).toArray(Segment[]::new);
    for (int i = 0; ; i++) {
      String candidate = "other" + i + ".example";
      boolean apart = true;
      for (Segment s : all) {
        if (s.matches(domain) && s.matches(candidate)) {
          apart = segments() == 1;
        }
      }
      if (apart) {
        return candidate;
      }
    }
  }

  private ProjectionStatus awaitState(String state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ProjectionStatus status = node.status(layout.name());
    while (!state.equals(status.state()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = node.status(layout.name());
    }
    assertThat(status.state()).as("state of %s", status).isEqualTo(state);
    return status;
  }

  private int awaitCount(String localPart, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (layout.count(tables(), localPart) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return layout.count(tables(), localPart);
  }
}
