package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.faults.Node.Db;
import org.mailledger.ops.faults.Node.Run;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.value.Quota;
import org.mailledger.testsupport.TestDatabases;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The lookup tables on a PostgreSQL server of the test's own (never the shared one), stopped while
 * commands keep coming: the commands succeed (the log is elsewhere), the projector backs off
 * instead of spinning, and once the server is back it catches up to exactly the log.
 */
class LookupDatabaseDownTest {

  private static final Duration DOWN = Duration.ofSeconds(15);

  private Path data;
  private int port;
  private EmbeddedPostgres lookupServer;
  private Node node;
  private ListAppender<ILoggingEvent> logged;

  @AfterEach
  void cleanUp() throws IOException {
    if (logged != null) {
      root().detachAppender(logged);
    }
    if (node != null) {
      node.close();
    }
    if (lookupServer != null) {
      lookupServer.close();
    }
    if (data != null) {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  @Test
  void commandsSucceedWhileTheLookupDatabaseIsDownAndTheProjectorCatchesUp() throws Exception {
    data = Files.createTempDirectory("mailledger-lookup-");
    port = freePort();
    startLookupServer();
    Db eventStore = Db.of(TestDatabases.postgres());
    Db lookup = new Db("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    node = new Node(eventStore, lookup, Map.of());
    node.createDomain("down.example");
    String first = node.createMailbox("first@down.example");
    assertThat(node.awaitHead(Duration.ofSeconds(30))).isTrue();
    long before = node.progress().head();
    // As a monitor polling GET /projections would; the status keeps the last position it read.
    assertThat(node.status().position()).isEqualTo(before);

    logged = new ListAppender<>();
    logged.start();
    root().addAppender(logged);
    lookupServer.close();
    lookupServer = null;
    long stopped = System.nanoTime();

    int sent = 0;
    while (System.nanoTime() - stopped < DOWN.toNanos()) {
      node.createMailbox("m" + sent + "@down.example");
      node.send(new ChangeMailboxQuotaCommand(first, Quota.ofGigabytes(1 + sent % 5)));
      sent++;
      Thread.sleep(100);
    }
    long head = node.progress().head();
    assertThat(head).isEqualTo(before + 2L * sent);
    assertThat(node.progress().position("layout-mum")).isEmpty();

    // Tries while down: Axon's coordinator doubles its wait from 0.5 s up to 60 s, and a
    // segment that fails on an event is held back for a doubling time from 1 s
    // (ProcessingFailures).
    List<ILoggingEvent> warnings = warnings();
    long tries = warnings.stream().filter(e -> isTry(e.getFormattedMessage())).count();
    System.out.printf(
        "lookup database down %d s: %d commands accepted, %d warnings, %d projector tries%n",
        DOWN.toSeconds(), 2 * sent, warnings.size(), tries);
    assertThat(tries).isBetween(1L, 12L);
    assertThat(warnings).hasSizeLessThan(60);
    ProjectionStatus down = node.status();
    assertThat(down.state()).isEqualTo("error");
    assertThat(down.position()).isEqualTo(before);
    assertThat(down.lagEvents()).isEqualTo(head - before);
    assertThat(down.error().message()).contains("the lookup database cannot be reached");

    startLookupServer();
    long restarted = System.nanoTime();
    assertThat(node.awaitHead(Duration.ofSeconds(90))).isTrue();
    Duration catchUp = Duration.ofNanos(System.nanoTime() - restarted);
    System.out.printf(
        "lookup database back: layout-mum at the head (%d) %d ms after the restart%n",
        head, catchUp.toMillis());

    ProjectionStatus status = node.status();
    assertThat(status.state()).isEqualTo("running");
    assertThat(status.error()).isNull();
    assertThat(status.position()).isEqualTo(head);
    Run verify = Node.ops(eventStore, lookup, "verify", "--layout", "mum");
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("up to position " + head);
  }

  private static boolean isTry(String message) {
    return message.contains("stopped on event")
        || message.contains("scheduling a new coordination task")
        || message.contains("Error while processing batch");
  }

  private List<ILoggingEvent> warnings() {
    return logged.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .filter(
            e ->
                e.getThreadName().contains("layout-mum")
                    || e.getLoggerName().startsWith("org.mailledger"))
        .toList();
  }

  private void startLookupServer() throws IOException {
    lookupServer =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger)
        LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
