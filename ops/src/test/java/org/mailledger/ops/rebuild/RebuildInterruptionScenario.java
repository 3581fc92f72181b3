package org.mailledger.ops.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops rebuild} run as its own process, stopped mid-rebuild by Ctrl-C (SIGINT) and by kill -9
 * (SIGKILL): the live tables are untouched, the position is recorded, and {@code ops rebuild
 * --resume} continues from it to tables equal to the log. The child process is slowed down by a
 * pause after each small transaction ({@code mailledger.rebuild.*} system properties) so the signal
 * lands midway.
 */
abstract class RebuildInterruptionScenario {

  private static final int MAILBOXES = 1500;

  abstract TestDatabase eventStore();

  abstract TestDatabase lookup();

  /** The log written once per class, and the live tables the app's processor made of it. */
  private static final Map<Class<?>, Object[]> FILLED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Map<String, List<Map<String, Object>>> live;

  private long head;

  @SuppressWarnings("unchecked")
  private void fill() throws InterruptedException {
    Object[] filled = FILLED.get(getClass());
    if (filled != null) {
      live = (Map<String, List<Map<String, Object>>>) filled[0];
      head = (Long) filled[1];
      return;
    }
    try (ConfigurableApplicationContext app = app()) {
      EventStorageEngine engine = app.getBean(EventStorageEngine.class);
      String domainId = UUID.randomUUID().toString();
      String domain = "kill-" + domainId.substring(0, 6) + ".example";
      List<DomainEventMessage<?>> batch = new ArrayList<>();
      batch.add(
          event(
              "Domain",
              domainId,
              0,
              new DomainCreatedEvent(domainId, domain, "", 1L << 30, 10L << 30, 0, 0)));
      for (int i = 0; i < MAILBOXES; i++) {
        String id = UUID.randomUUID().toString();
        String address = "u" + i + "@" + domain;
        batch.add(
            event(
                "Mailbox",
                id,
                0,
                new MailboxCreatedEvent(
                    id,
                    domainId,
                    address,
                    "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q",
                    "User " + i,
                    1L << 30,
                    false,
                    "/var/vmail/" + id,
                    "/var/vmail/" + id + "/Maildir")));
        batch.add(event("Mailbox", id, 1, new MailboxQuotaChangedEvent(id, address, 2L << 30)));
        if (batch.size() >= 1000) {
          engine.appendEvents(batch);
          batch.clear();
        }
      }
      engine.appendEvents(batch);
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      head = progress.head();
      assertThat(progress.awaitPosition("layout-mum", head, Duration.ofSeconds(240)))
          .as("the app's processor applies the %d events", head)
          .isTrue();
    }
    live = snapshot();
    assertThat(live.get("mailboxes")).hasSize(MAILBOXES);
    FILLED.put(getClass(), new Object[] {live, head});
  }

  private static DomainEventMessage<?> event(String type, String id, long seq, Object payload) {
    return new GenericDomainEventMessage<>(
        type, id, seq, payload, MetaData.with("actor", "test").and("source", "127.0.0.1"));
  }

  ConfigurableApplicationContext app() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", eventStore().jdbcUrl());
    properties.put("spring.datasource.username", eventStore().username());
    properties.put("spring.datasource.password", orEmpty(eventStore().password()));
    properties.put("spring.flyway.locations", "classpath:db/eventstore/postgresql");
    properties.put("axon.axonserver.enabled", "false");
    properties.put("axon.serializer.general", "jackson");
    properties.put("axon.serializer.events", "jackson");
    properties.put("axon.serializer.messages", "jackson");
    properties.put("mailledger.bcrypt-cost", "4");
    if (lookup() != eventStore()) {
      properties.put("mailledger.lookup.datasource.url", lookup().jdbcUrl());
      properties.put("mailledger.lookup.datasource.username", lookup().username());
      properties.put("mailledger.lookup.datasource.password", orEmpty(lookup().password()));
    }
    return new SpringApplicationBuilder(CommandsTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(properties)
        .run();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private List<String> databaseOptions() {
    List<String> options = new ArrayList<>();
    options.add("--spring.datasource.url=" + eventStore().jdbcUrl());
    options.add("--spring.datasource.username=" + eventStore().username());
    if (eventStore().password() != null) {
      options.add("--spring.datasource.password=" + eventStore().password());
    }
    if (lookup() != eventStore()) {
      options.add("--mailledger.lookup.datasource.url=" + lookup().jdbcUrl());
      options.add("--mailledger.lookup.datasource.username=" + lookup().username());
      if (lookup().password() != null) {
        options.add("--mailledger.lookup.datasource.password=" + lookup().password());
      }
    }
    return options;
  }

  /** {@code ops rebuild} in a JVM of its own, with this test's class path, paced slowly. */
  private Process startSlowRebuild(Path log) throws Exception {
    try {
      // What an earlier test left must not pass for this run's progress.
      new JdbcTemplate(lookup().dataSource()).update("DELETE FROM layout_rebuild_progress");
    } catch (org.springframework.dao.DataAccessException noTableYet) {
      // The first rebuild creates the table.
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dmailledger.rebuild.events-per-transaction=200");
    command.add("-Dmailledger.rebuild.pause-per-transaction=300ms");
    command.add("-Daxoniq.update-checker.disabled=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OpsCommand.class.getName());
    command.add("rebuild");
    command.add("--layout");
    command.add("mum");
    command.add("--progress");
    command.add("lines");
    command.addAll(databaseOptions());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until the child has committed a few transactions into the shadow tables. */
  private long awaitRecordedProgress(Process process, Path log) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(lookup().dataSource());
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("ops rebuild still running: %s", read(log)).isTrue();
      try {
        Long position =
            jdbc.queryForObject(
                "SELECT position FROM layout_rebuild_progress WHERE layout = 'mum'", Long.class);
        if (position != null && position >= 1000) {
          return position;
        }
      } catch (org.springframework.dao.DataAccessException notYet) {
        // The table or the row is not there yet.
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no progress recorded: " + read(log));
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void ctrlCLeavesTheLiveTablesAndResumeFinishes() throws Exception {
    fill();
    Path log = Files.createTempFile("ops-rebuild", ".log");
    Process process = startSlowRebuild(log);
    try {
      long seen = awaitRecordedProgress(process, log);

      // A job started in the background by a non-interactive shell (as CI and build tools do)
      // ignores SIGINT, and so do its children: the JVM then installs no handler for it. SIGTERM
      // goes through the same shutdown hook; it stands in for Ctrl-C there.
      boolean intIgnored = ignoresSigint(process.pid());
      String signal = intIgnored ? "-TERM" : "-INT";
      new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(read(log)).isTrue();

      String output = read(log);
      assertThat(process.exitValue()).as(signal + ": " + output).isEqualTo(intIgnored ? 143 : 130);
      assertThat(output).contains("events/s").contains("--resume");
      assertThat(snapshot()).as("live tables after Ctrl-C").isEqualTo(live);
      long recorded = recorded();
      assertThat(recorded).isGreaterThanOrEqualTo(seen).isLessThan(head);

      resumeAndCheck(recorded);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void killNineLeavesTheLiveTablesAndResumeFinishes() throws Exception {
    fill();
    Path log = Files.createTempFile("ops-rebuild", ".log");
    Process process = startSlowRebuild(log);
    try {
      long seen = awaitRecordedProgress(process, log);

      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).isEqualTo(137);
      assertThat(snapshot()).as("live tables after kill -9").isEqualTo(live);
      long recorded = recorded();
      assertThat(recorded).isGreaterThanOrEqualTo(seen).isLessThan(head);

      resumeAndCheck(recorded);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  private void resumeAndCheck(long recorded) {
    List<String> args = new ArrayList<>(List.of("rebuild", "--layout", "mum", "--resume"));
    args.addAll(List.of("--progress", "lines"));
    args.addAll(databaseOptions());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("Resuming the rebuild at log position " + recorded);
    // The first progress line after the resume starts at the recorded position, not at zero.
    assertThat(err.toString())
        .contains("copying  " + String.format(java.util.Locale.ROOT, "%,d", recorded) + " / ");
    assertThat(out.toString()).contains("swapped in");
    assertThat(snapshot()).as("tables after the resumed rebuild").isEqualTo(live);

    List<String> verify = new ArrayList<>(List.of("verify", "--layout", "mum"));
    verify.addAll(databaseOptions());
    StringWriter verifyOut = new StringWriter();
    int verified =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(verifyOut))
            .setErr(new PrintWriter(new StringWriter()))
            .execute(verify.toArray(String[]::new));
    assertThat(verified).as(verifyOut.toString()).isZero();
  }

  /** Bit 2 (SIGINT) of the process's ignored-signal mask in /proc. */
  private static boolean ignoresSigint(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).trim(), 16) & 2L) != 0;
      }
    }
    return false;
  }

  private long recorded() {
    return new JdbcTemplate(lookup().dataSource())
        .queryForObject(
            "SELECT position FROM layout_rebuild_progress WHERE layout = 'mum'", Long.class);
  }

  private Map<String, List<Map<String, Object>>> snapshot() {
    JdbcTemplate jdbc = new JdbcTemplate(lookup().dataSource());
    Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
    for (String table :
        List.of(
            "domains",
            "mailboxes",
            "aliases",
            "alias_recipients",
            "alias_senders",
            "tls_policies")) {
      all.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id"));
    }
    return all;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
