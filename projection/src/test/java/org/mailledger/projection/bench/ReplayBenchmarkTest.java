package org.mailledger.projection.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast layout-mum is rebuilt from the log (and, with {@code -Dbench.replay=true}, replayed by
 * its processor), beside how fast the same rows go into the same tables without it (multi-row
 * INSERT and, on PostgreSQL, COPY), in one run on one database, lookup tables in the event store's
 * database as deployed by default. Tagged {@code bench}: the default build leaves it out, {@code
 * -Pbench} runs only it. Scale with {@code -Dbench.events}, {@code -Dbench.domains}, {@code
 * -Dbench.rounds}, {@code -Dbench.roundTimeoutSeconds}; {@code -Dbench.lookup=mysql} puts the
 * lookup tables in MariaDB/MySQL.
 */
@Tag("bench")
class ReplayBenchmarkTest extends ProjectionTestBase {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  private static final boolean MYSQL = "mysql".equals(System.getProperty("bench.lookup"));
  private static final TestDatabase LOOKUP = MYSQL ? TestDatabases.mysql() : DATABASE;
  private static final long EVENTS = Long.getLong("bench.events", 1_000_000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int DOMAINS = Integer.getInteger("bench.domains", 1000);
  private static final boolean REPLAY = Boolean.getBoolean("bench.replay");
  // A Postfix-like reader asks the mailbox query during every rebuild, this often (0: off).
  private static final long READER_PAUSE_MICROS = Long.getLong("bench.reader-pause-micros", 0);
  // Events a rebuild transaction folds; several sizes are compared round by round.
  private static final List<Integer> TRANSACTIONS =
      java.util.Arrays.stream(System.getProperty("bench.rebuild.transactions", "20000").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();
  private static final int ROWS_PER_INSERT = 1000;
  private static final Duration ROUND_TIMEOUT =
      Duration.ofSeconds(Long.getLong("bench.roundTimeoutSeconds", 120));
  // The first catch-up runs while the fill competes for the same two cores, hence longer.
  private static final Duration CATCH_UP_TIMEOUT = ROUND_TIMEOUT.multipliedBy(10);
  // A backend publishes its statistics within a second of going idle (PostgreSQL 15).
  private static final long STATS_SETTLE_MILLIS = 1500;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
    if (MYSQL) {
      lookupIn(registry, LOOKUP);
    }
  }

  @Autowired private EventStorageEngine eventStore;
  @Autowired private DataSource eventStoreData;
  @Autowired private ProjectionProperties properties;
  @Autowired private org.mailledger.projection.rebuild.Rebuilds rebuilds;

  // A million events on a loaded two-core machine: the fill and the live build take long.
  @Test
  @Timeout(value = 120, unit = TimeUnit.MINUTES)
  void replayBesideThePracticalLimit() throws Exception {
    JdbcTemplate jdbc = tables();
    DataSource dataSource = lookup.dataSource();
    BenchReport report = new BenchReport();
    String loadAtStart = loadAverage();

    // 1. The log, appended straight into the event store with the processor stopped; then the
    // processor builds the live tables the rebuilds are compared with.
    processor().shutDown();
    report.fill = new BenchEventLog(eventStore, DOMAINS, 5000).fill(EVENTS);
    say(
        "filled %,d events in %.1f s (%,.0f events/s)",
        report.fill.events(), report.fill.seconds(), report.fill.eventsPerSecond());
    long head = progress.head();
    long caughtUp = System.nanoTime();
    processor().start();
    assertThat(awaitHead(head, CATCH_UP_TIMEOUT))
        .as("layout-mum catches up with the fill (%d events) within %s", head, CATCH_UP_TIMEOUT)
        .isTrue();
    report.catchUpSeconds = (System.nanoTime() - caughtUp) / 1e9;
    say("live processor built the tables from the log in %.1f s", report.catchUpSeconds);

    // The log no longer changes: vacuum it once so every round reads the same settled table.
    new JdbcTemplate(eventStoreData).execute("VACUUM ANALYZE domain_event_entry");
    vacuumLayout(jdbc);
    Map<String, String> expected = LayoutRows.checksums(jdbc);
    LayoutRows rows = LayoutRows.read(dataSource);
    report.rows = rows.rowCount();
    report.events = head;
    report.rowsPerTable = rows.rowsPerTable();
    report.roundTripMicros = roundTripMicros(dataSource);
    say("%,d rows in the six tables %s", report.rows, report.rowsPerTable);
    // The reference: as many rows as the log has events, into the same tables.
    LayoutRows asManyRowsAsEvents = rows.copiesUpTo(head);
    report.eventCountRows = asManyRowsAsEvents.rowCount();
    List<String[]> mailboxes = PostfixReader.activeMailboxes(dataSource);

    // Interleaved round by round, so drift on the machine hits every measure alike.
    for (int round = 1; round <= ROUNDS; round++) {
      if (REPLAY) {
        BenchReport.Replay replay = replayRound(head, expected);
        report.replays.add(replay);
        say(
            "round %d replay: %.1f s (reset %.2f s), %,.0f events/s, %,.0f rows/s%s",
            round,
            replay.seconds(),
            replay.resetSeconds(),
            replay.eventsPerSecond(),
            replay.rowsPerSecond(),
            replay.complete() ? "" : " (TIMED OUT at event " + replay.events() + ")");
      }

      LayoutRows.truncate(jdbc);
      vacuumLayout(jdbc);
      long start = System.nanoTime();
      asManyRowsAsEvents.insertMultiRow(dataSource, ROWS_PER_INSERT);
      report.eventCountInsertSeconds.add((System.nanoTime() - start) / 1e9);
      say(
          "round %d multi-row INSERT of %,d rows (as many as events) %.1f s: %,.0f rows/s",
          round,
          report.eventCountRows,
          report.eventCountInsertSeconds.get(round - 1),
          report.eventCountRows / report.eventCountInsertSeconds.get(round - 1));

      LayoutRows.truncate(jdbc);
      vacuumLayout(jdbc);
      start = System.nanoTime();
      rows.insertMultiRow(dataSource, ROWS_PER_INSERT);
      report.insertSeconds.add((System.nanoTime() - start) / 1e9);
      assertThat(LayoutRows.checksums(jdbc)).as("rows after INSERT").isEqualTo(expected);

      if (!MYSQL) {
        LayoutRows.truncate(jdbc);
        vacuumLayout(jdbc);
        start = System.nanoTime();
        rows.copy(dataSource);
        report.copySeconds.add((System.nanoTime() - start) / 1e9);
        assertThat(LayoutRows.checksums(jdbc)).as("rows after COPY").isEqualTo(expected);
      }
      // The operator's rebuild: the processor runs live at the head, the rebuild reads the log
      // straight into shadow tables, stops the processor, swaps and starts it again.
      StreamingEventProcessor live = processor();
      if (!live.isRunning()) {
        live.start();
      }
      assertThat(awaitHead(head, CATCH_UP_TIMEOUT))
          .as("processor at the head before the rebuild")
          .isTrue();
      for (int size : TRANSACTIONS) {
        if (!live.isRunning()) {
          live.start();
        }
        org.mailledger.projection.rebuild.LayoutRebuilder sized =
            rebuilds
                .rebuilder("mum")
                .orElseThrow()
                .with(new org.mailledger.projection.rebuild.RebuildSettings(size, Duration.ZERO));
        PostfixReader reader =
            READER_PAUSE_MICROS > 0
                ? new PostfixReader(dataSource, mailboxes, READER_PAUSE_MICROS)
                : null;
        start = System.nanoTime();
        sized.rebuild(false, p -> {}, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (reader != null) {
          reader.close();
          report.readerAsked += reader.asked();
          report.readerEmpty += reader.empty();
          report.readerFailed += reader.failed();
          say(
              "round %d reader during the rebuild: %,d mailbox queries, %d empty, %d failed %s",
              round, reader.asked(), reader.empty(), reader.failed(), reader.firstProblems());
        }
        if (size == TRANSACTIONS.get(0)) {
          report.rebuildSeconds.add(seconds);
          report.rebuildTimings.add(sized.lastTimings().orElseThrow());
        }
        report.rebuildSecondsBySize.computeIfAbsent(size, k -> new ArrayList<>()).add(seconds);
        assertThat(LayoutRows.checksums(jdbc)).as("rows after the rebuild").isEqualTo(expected);
        say(
            "round %d rebuild (%,d events a transaction) %.1f s: %,.0f events/s, %,.0f rows/s (%s)",
            round,
            size,
            seconds,
            head / seconds,
            report.rows / seconds,
            sized.lastTimings().orElseThrow());
      }
      say(
          "round %d multi-row INSERT %.1f s: %,.0f rows/s%s",
          round,
          report.insertSeconds.get(round - 1),
          report.rows / report.insertSeconds.get(round - 1),
          MYSQL
              ? ""
              : String.format(
                  ", COPY %,.0f rows/s", report.rows / report.copySeconds.get(round - 1)));
      assertThat(progress.head())
          .as("nothing appended to the log during the round")
          .isEqualTo(head);
    }

    report.setting = setting(jdbc, loadAtStart, loadAverage());
    report.command =
        "./mvnw -B -Pbench -pl projection -am verify -Dbench.events="
            + EVENTS
            + (ROUNDS == 5 ? "" : " -Dbench.rounds=" + ROUNDS)
            + (REPLAY ? " -Dbench.replay=true" : "")
            + (READER_PAUSE_MICROS > 0 ? " -Dbench.reader-pause-micros=" + READER_PAUSE_MICROS : "")
            + (MYSQL ? " -Dbench.lookup=mysql" : "")
            + (DOMAINS == 1000 ? "" : " -Dbench.domains=" + DOMAINS)
            + (TRANSACTIONS.equals(List.of(20000))
                ? ""
                : " -Dbench.rebuild.transactions="
                    + TRANSACTIONS.stream().map(String::valueOf).collect(Collectors.joining(",")));
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    report.write(target);
    System.out.println(
        "\n======== bench results (also in "
            + target.resolve("bench-results.md")
            + ") ========\n"
            + report.markdown()
            + "=================================================\n");
    // A slow rebuild is a result to report, not a failure; a wrong one is.
    assertThat(report.rebuildSeconds).hasSize(ROUNDS);
    assertThat(report.readerEmpty + report.readerFailed)
        .as("mailbox queries that found nothing or failed during the rebuilds")
        .isZero();
  }

  /**
   * Stops the processor at the head, resets it and times until it is at the head again. Nothing
   * else writes meanwhile: the database is this test's own, the fill is over and the reference
   * rounds run only between replays.
   */
  private BenchReport.Replay replayRound(long head, Map<String, String> expected) throws Exception {
    StreamingEventProcessor processor = processor();
    if (processor.isRunning()) {
      assertThat(awaitHead(head, CATCH_UP_TIMEOUT)).as("processor idle at the head").isTrue();
      processor.shutDown();
    }
    vacuumLayout(tables());

    long start = System.nanoTime();
    processor.resetTokens();
    long resetSeconds = System.nanoTime() - start;
    // Between reset and start, untimed: the reset's deletes settle in the statistics, so the
    // counters below show the catch-up alone. The processor is stopped, nothing runs meanwhile.
    Thread.sleep(STATS_SETTLE_MILLIS);
    Activity before = Activity.now(tables());
    ThreadCpu threadsBefore = ThreadCpu.now();
    long started = System.nanoTime();
    processor.start();
    boolean complete = awaitHead(head, ROUND_TIMEOUT);
    long end = System.nanoTime();
    Map<String, Long> threadNanos = ThreadCpu.now().since(threadsBefore);
    long reached = complete ? head : progress.position(GROUP).orElse(0);
    processor.shutDown();

    long rowsNow =
        LayoutRows.TABLES.stream()
            .mapToLong(t -> tables().queryForObject("SELECT count(*) FROM " + t, Long.class))
            .sum();
    if (complete) {
      assertThat(LayoutRows.checksums(tables())).as("rows after replay").isEqualTo(expected);
    }
    Thread.sleep(STATS_SETTLE_MILLIS);
    Activity used = Activity.now(tables()).minus(before);
    return new BenchReport.Replay(
        (resetSeconds + end - started) / 1e9,
        resetSeconds / 1e9,
        reached,
        rowsNow,
        complete,
        used,
        threadNanos);
  }

  /** True once every segment has applied the log up to {@code head}; false on time-out. */
  private boolean awaitHead(long head, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (progress.position(GROUP).orElse(-1) >= head) {
        return true;
      }
      for (EventTrackerStatus status : processor().processingStatus().values()) {
        if (status.isErrorState()) {
          throw new AssertionError("layout-mum stopped on an error", status.getError());
        }
      }
      Thread.sleep(10);
    }
    return false;
  }

  private StreamingEventProcessor processor() {
    return processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
  }

  /** Every round starts from tables without dead rows and with fresh planner statistics. */
  private static void vacuumLayout(JdbcTemplate jdbc) {
    if (MYSQL) {
      return;
    }
    for (String table : LayoutRows.TABLES) {
      jdbc.execute("VACUUM ANALYZE " + table);
    }
  }

  /** The latency floor of one statement: a prepared lookup by aggregate_id, one at a time. */
  private static double roundTripMicros(DataSource dataSource) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (ResultSet r =
          c.createStatement().executeQuery("SELECT aggregate_id FROM mailboxes LIMIT 1000")) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      if (ids.isEmpty()) {
        return Double.NaN;
      }
      try (PreparedStatement s =
          c.prepareStatement("SELECT id FROM mailboxes WHERE aggregate_id = ?")) {
        int warmUp = 500;
        int timed = 5000;
        long start = 0;
        for (int i = 0; i < warmUp + timed; i++) {
          if (i == warmUp) {
            start = System.nanoTime();
          }
          s.setString(1, ids.get(i % ids.size()));
          try (ResultSet r = s.executeQuery()) {
            r.next();
          }
        }
        return (System.nanoTime() - start) / 1e3 / timed;
      }
    }
  }

  /**
   * The 1-minute load average, so a reader can tell a quiet run from one that shared the machine:
   * above the core count, other work took CPU from the processor and PostgreSQL.
   */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private String setting(JdbcTemplate jdbc, String loadAtStart, String loadAtEnd) {
    String version =
        (MYSQL ? "lookup tables on MariaDB/MySQL " : "PostgreSQL ")
            + jdbc.queryForObject(MYSQL ? "SELECT VERSION()" : "SHOW server_version", String.class);
    return "Run "
        + LocalDate.now()
        + " on "
        + Runtime.getRuntime().availableProcessors()
        + " cores (1-minute load average "
        + loadAtStart
        + " at the start, "
        + loadAtEnd
        + " at the end), "
        + version
        + ", worktree at "
        + gitDescription()
        + ". Processor "
        + GROUP
        + ": pooled streaming, "
        + properties.segmentsFor(lookup.dialect())
        + " segments, batch "
        + properties.projectionBatchSize()
        + (MYSQL
            ? "; event store on PostgreSQL. Medians of "
            : "; lookup tables in the event store's database. Medians of ")
        + ROUNDS
        + " rounds, interleaved ("
        + (REPLAY ? "replay, " : "")
        + (MYSQL ? "INSERT, rebuild" : "INSERT, COPY, rebuild")
        + "); each INSERT and COPY starts from empty, just vacuumed tables. Rebuild: "
        + rebuilderSettings()
        + ".";
  }

  private String rebuilderSettings() {
    return TRANSACTIONS.stream().map(n -> String.format("%,d", n)).collect(Collectors.joining(", "))
        + " events a transaction (the first is the headline)";
  }

  /** Which code was measured: the commit, and whether the tree had changes on top. */
  private static String gitDescription() {
    try {
      String commit = run("git", "rev-parse", "--short", "HEAD").trim();
      boolean dirty = !run("git", "status", "--porcelain", "--untracked-files=no").isBlank();
      return "commit " + commit + (dirty ? " with uncommitted changes" : "");
    } catch (Exception e) {
      return "an unknown commit";
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(out);
    }
    return out;
  }

  private static void say(String format, Object... args) {
    System.out.println("[bench] " + String.format(format, args));
  }
}
