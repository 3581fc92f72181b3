package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.FailedEvent;
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
 * each layout the subclass keeps ({@link #layout()}).
 */
abstract class PoisonEventScenario {

  abstract Db eventStore();

  abstract Db lookup();

  /** The lookup tables, as the test changes them by hand. */
  abstract JdbcTemplate tables();

  abstract int segments();

  /** The layout kept, alone; mum unless a subclass says otherwise. */
  PoisonLayout layout() {
    return PoisonLayout.MUM;
  }

  /** The app's properties: quick retries, the layout under test. */
  Map<String, String> quickRetries() {
    Map<String, String> properties = new HashMap<>(layout().kept());
    properties.put("mailledger.projection-retry-initial", "500ms");
    properties.put("mailledger.projection-retry-max", "2s");
    return properties;
  }

  /** Mailboxes created in front of the poison event while the processor is held back. */
  private static final int FIRST = 10;

  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theSegmentStopsOnThePoisonEventAndStatusNamesIt() throws Exception {
    PoisonLayout layout = layout();
    node = new Node(eventStore(), lookup(), quickRetries());
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
    ProjectionStatus status = node.status(layout().name());
    while (!state.equals(status.state()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = node.status(layout().name());
    }
    assertThat(status.state()).as("state of %s", status).isEqualTo(state);
    return status;
  }

  private int awaitCount(String localPart, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (layout().count(tables(), localPart) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return layout().count(tables(), localPart);
  }
}
