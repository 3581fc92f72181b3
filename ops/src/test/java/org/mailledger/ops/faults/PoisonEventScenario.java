package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.rebuild.ProjectionStatus;
import org.mailledger.projection.rebuild.Rebuilds;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.value.Quota;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poison event: a mailbox row deleted by hand, then a quota change for it. The segment that
 * handles that domain stops on the event and says which one; later events of the same domain wait
 * behind it; the back-off keeps the retries few; a rebuild repairs the tables and the state clears.
 */
abstract class PoisonEventScenario {

  abstract Db eventStore();

  abstract Db lookup();

  /** The lookup tables, as the test changes them by hand. */
  abstract JdbcTemplate tables();

  abstract int segments();

  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theSegmentStopsOnThePoisonEventAndStatusNamesIt() throws Exception {
    node =
        new Node(
            eventStore(),
            lookup(),
            Map.of(
                "mailledger.projection-retry-initial", "500ms",
                "mailledger.projection-retry-max", "2s"));
    String poisoned = "poison.example";
    String other = otherSegmentThan(poisoned);
    node.createDomain(poisoned);
    node.createDomain(other);
    String victim = node.createMailbox("victim@" + poisoned);
    node.createMailbox("ok@" + other);
    assertThat(node.awaitHead(Duration.ofSeconds(30))).isTrue();

    assertThat(tables().update("DELETE FROM mailboxes WHERE local_part = 'victim'")).isEqualTo(1);
    node.send(new ChangeMailboxQuotaCommand(victim, Quota.ofGigabytes(3)));
    long poison = node.progress().head();
    node.createMailbox("after@" + poisoned);
    node.createMailbox("later@" + other);

    ProjectionStatus status = awaitState("error", Duration.ofSeconds(30));
    FailedEvent error = status.error();
    assertThat(error.position()).isEqualTo(poison);
    assertThat(error.type()).isEqualTo("MailboxQuotaChangedEvent");
    assertThat(error.aggregate()).isEqualTo(victim);
    assertThat(error.message()).contains("MissingRowException").contains("victim@" + poisoned);
    assertThat(status.position()).isLessThan(poison);

    // The retries back off: 0.5 s, 1 s, 2 s, 2 s... so about 5 tries in 6 s, not one a batch.
    Thread.sleep(6_000);
    FailedEvent later = node.status().error();
    assertThat(later.position()).isEqualTo(poison);
    assertThat(later.attempts()).isBetween(2, 8);
    assertThat(later.firstFailed()).isEqualTo(error.firstFailed());

    // Nothing after the poison event in its domain is applied out of order...
    assertThat(count("after")).isZero();
    if (segments() > 1) {
      // ...while the other segments go on.
      assertThat(awaitCount("later", Duration.ofSeconds(10))).isEqualTo(1);
    }

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

    // The operator's fix: a rebuild from the log.
    Rebuilds rebuilds = node.context.getBean(Rebuilds.class);
    assertThat(rebuilds.start("mum")).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (rebuilds.state("mum") == Rebuilds.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(rebuilds.failure("mum")).isEmpty();
    assertThat(node.awaitHead(Duration.ofSeconds(30))).isTrue();
    ProjectionStatus repaired = node.status();
    assertThat(repaired.state()).isEqualTo("running");
    assertThat(repaired.error()).isNull();
    assertThat(count("after")).isEqualTo(1);
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
    ProjectionStatus status = node.status();
    while (!state.equals(status.state()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = node.status();
    }
    assertThat(status.state()).as("state of %s", status).isEqualTo(state);
    return status;
  }

  private int count(String localPart) {
    return tables()
        .queryForObject(
            "SELECT COUNT(*) FROM mailboxes WHERE local_part = ?", Integer.class, localPart);
  }

  private int awaitCount(String localPart, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(localPart) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return count(localPart);
  }
}
