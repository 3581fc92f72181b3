package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the app against one PostgreSQL: this JVM and a process of its own. They share
 * the layout-mum segments through the token store's claims; the process is killed with SIGKILL
 * while both send commands, and this instance takes its segments over once their claims time out
 * (mailledger.projection-claim-timeout, 10 s by default), with tables that then match the log.
 */
class SeveralInstancesTest {

  private static final String GROUP = "layout-mum";

  private Node survivor;
  private Process other;

  @AfterEach
  void stop() {
    if (other != null) {
      other.destroyForcibly();
    }
    if (survivor != null) {
      survivor.close();
    }
  }

  @Test
  void theSurvivorTakesOverAKilledInstancesSegmentsAndTheTablesMatchTheLog() throws Exception {
    Db db = Db.of(TestDatabases.postgres());
    JdbcTemplate jdbc =
        new JdbcTemplate(
            new org.springframework.jdbc.datasource.DriverManagerDataSource(
                db.url(), db.username(), db.password()));
    survivor = new Node(db, null, Map.of());
    String self = ManagementFactory.getRuntimeMXBean().getName();
    survivor.createDomain("survivor.example");
    StreamingEventProcessor processor =
        survivor
            .context
            .getBean(EventProcessingConfiguration.class)
            .eventProcessor(GROUP, StreamingEventProcessor.class)
            .orElseThrow();
    awaitTrue(() -> processor.processingStatus().size() == 4, Duration.ofSeconds(30));

    Path output = Files.createTempFile("mailledger-node-", ".log");
    other = start(db, output);
    String killed = awaitReady(output, Duration.ofSeconds(120));
    assertThat(killed).isNotEqualTo(self);

    // A newcomer finds every segment claimed and waits; it gets the segments released to it.
    assertThat(owners(jdbc).values()).containsOnly(self);
    System.out.println("ops status with a standby:\n" + Node.ops(db, null, "status").out());
    processor.releaseSegment(2);
    processor.releaseSegment(3);
    awaitTrue(
        () -> owners(jdbc).values().stream().filter(killed::equals).count() == 2,
        Duration.ofSeconds(20));
    assertThat(owners(jdbc)).containsEntry(0, self).containsEntry(1, self);
    ProjectionStatus shared = survivor.status();
    assertThat(shared.owners())
        .isEqualTo(Map.of(0, self, 1, self, 2, killed, 3, killed))
        .isEqualTo(owners(jdbc));
    Run status = Node.ops(db, null, "status");
    System.out.println("ops status with two instances:\n" + status.out());
    assertThat(status.out()).contains("0:" + self).contains("2:" + killed).contains("running");

    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    Thread commands =
        new Thread(
            () -> {
              while (sending.get()) {
                try {
                  survivor.createMailbox("s" + sent.getAndIncrement() + "@survivor.example");
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  failures.add(e.toString());
                }
              }
            });
    commands.start();
    awaitTrue(() -> mailboxesOf(jdbc, "node") >= 10, Duration.ofSeconds(30));

    long killedAt = System.nanoTime();
    other.destroyForcibly(); // SIGKILL: no shutdown hook, no claim released
    assertThat(other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).isEqualTo(137);

    awaitTrue(
        () -> processor.processingStatus().keySet().containsAll(List.of(0, 1, 2, 3)),
        Duration.ofSeconds(40));
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    sending.set(false);
    commands.join();
    System.out.printf(
        "SIGKILL of the other instance: segments 2 and 3 taken over after %d ms (claim timeout"
            + " 10 s, claim interval 2 s); %d commands sent to the survivor meanwhile%n",
        takeover.toMillis(), sent.get());
    assertThat(failures).isEmpty();
    assertThat(takeover).isLessThan(Duration.ofSeconds(20));

    assertThat(survivor.awaitHead(Duration.ofSeconds(30))).isTrue();
    ProjectionStatus after = survivor.status();
    assertThat(after.state()).isEqualTo("running");
    assertThat(after.owners()).isEqualTo(Map.of(0, self, 1, self, 2, self, 3, self));
    assertThat(after.lagEvents()).isZero();
    Run verify = Node.ops(db, null, "verify", "--layout", "mum");
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("up to position " + after.head());
    assertThat(mailboxesOf(jdbc, "survivor")).isEqualTo(sent.get());
    Run table = Node.ops(db, null, "status");
    assertThat(table.out()).contains("3:" + self).doesNotContain(killed);
  }

  private static Process start(Db db, Path output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NodeMain.class.getName());
    command.add("--spring.datasource.url=" + db.url());
    command.add("--spring.datasource.username=" + db.username());
    command.add("--spring.datasource.password=" + db.password());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  private String awaitReady(Path output, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(output)) {
        if (line.startsWith("READY ")) {
          return line.substring(6).trim();
        }
      }
      assertThat(other.isAlive()).as("the other instance runs; its output: %s", output).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("the other instance did not start; its output is in " + output);
  }

  private static Map<Integer, String> owners(JdbcTemplate jdbc) {
    Map<Integer, String> owners = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT segment, owner FROM layout_token_entry"
            + " WHERE processor_name = ? AND owner IS NOT NULL",
        rs -> {
          owners.put(rs.getInt(1), rs.getString(2));
        },
        GROUP);
    return owners;
  }

  private static int mailboxesOf(JdbcTemplate jdbc, String domainPrefix) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM mailboxes m JOIN domains d ON d.id = m.domain_id"
            + " WHERE d.domain LIKE ?",
        Integer.class,
        domainPrefix + "%");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within %s", timeout).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
