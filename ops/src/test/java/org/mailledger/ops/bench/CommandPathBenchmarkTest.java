package org.mailledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1 of issue 7: the REST command path at rising rates, beside pgbench inserting one
 * event-store-shaped row per transaction into the same PostgreSQL (the ceiling for one durable
 * event per command), in the same run.
 *
 * <p>{@code ./mvnw -B -Pbench -pl api,ops -am verify -Dtest=CommandPathBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} [-Dbench.rounds=3 -Dbench.step-seconds=4]
 */
@Tag("bench")
class CommandPathBenchmarkTest {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 4);
  static final int HALF_LOAD_SECONDS = Integer.getInteger("bench.half-load-seconds", 10);

  /** One row as the JDBC engine appends it: same columns, keys and a payload of a real size. */
  static final String EVENT_INSERT =
      """
      \\set n random(1, 2000000000)
      INSERT INTO bench_event_entry (aggregate_identifier, sequence_number, type, \
      event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) \
      VALUES (md5(random()::text || :n), 0, 'Mailbox', md5(clock_timestamp()::text || :n), \
      convert_to(repeat('m', 230), 'UTF8'), convert_to(repeat('p', 160), 'UTF8'), '1', \
      'org.mailledger.schema.mailbox.MailboxQuotaChangedEvent', now()::text);
      """;

  @Test
  void commandsPerSecondBesideOneInsertPerTransaction() throws Exception {
    TestDatabase db = TestDatabases.postgres();
    DataSource ds = db.dataSource();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    try (AppProcess app = AppProcess.start(db, Map.of("mailledger.bcrypt-cost", "4"))) {
      String auth = app.bearerToken();
      CommandMix mix = CommandMix.create(app, auth, 10, 100);
      jdbc.execute(
          "CREATE TABLE bench_event_entry (LIKE domain_event_entry INCLUDING DEFAULTS"
              + " INCLUDING CONSTRAINTS INCLUDING INDEXES)");
      jdbc.execute("CREATE SEQUENCE bench_event_seq");
      jdbc.execute(
          "ALTER TABLE bench_event_entry ALTER COLUMN global_index SET DEFAULT"
              + " nextval('bench_event_seq')");

      OpenLoop load = new OpenLoop(app.http, 256);
      // Warm-up: JIT, connection pools, Tomcat threads; not counted.
      load.run(mix, 100, 5);

      List<Double> saturation = new ArrayList<>();
      List<Double> ceiling = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> halfOk = new ArrayList<>();
      StringBuilder steps = new StringBuilder();
      for (int round = 1; round <= ROUNDS; round++) {
        double best = 0;
        double rate = 100;
        steps.append("round ").append(round).append(':');
        while (true) {
          OpenLoop.Step s = load.run(mix, rate, STEP_SECONDS);
          best = Math.max(best, s.okPerSecond());
          steps.append(
              String.format(
                  java.util.Locale.ROOT,
                  " %.0f→%.0f/s (p99 %.0f ms%s)",
                  rate,
                  s.okPerSecond(),
                  s.p99(),
                  s.failed() + s.dropped() > 0
                      ? ", " + s.failed() + " failed, " + s.dropped() + " dropped"
                      : ""));
          assertThat(s.failed()).as("failed requests: %s", s.firstFailure()).isZero();
          boolean saturated =
              s.okPerSecond() < 0.9 * rate || s.dropped() > 0 || s.p99() > 1000 || rate > 20000;
          if (saturated) {
            break;
          }
          rate *= 1.5;
        }
        steps.append('\n');
        saturation.add(best);
        ceiling.add(
            Math.max(
                Pgbench.tps(db, EVENT_INSERT, 8, STEP_SECONDS),
                Pgbench.tps(db, EVENT_INSERT, 32, STEP_SECONDS)));
        OpenLoop.Step half = load.run(mix, best / 2, HALF_LOAD_SECONDS);
        assertThat(half.failed()).as("failed requests: %s", half.firstFailure()).isZero();
        p50.add(half.p50());
        p99.add(half.p99());
        halfOk.add(half.okPerSecond());
      }

      double sat = Stats.median(saturation);
      double ceil = Stats.median(ceiling);
      String body =
          "| | median | rounds |\n|---|---:|---|\n"
              + "| commands/s at saturation (open loop, rates ×1.5 every "
              + STEP_SECONDS
              + " s) | "
              + Stats.num(sat)
              + " | "
              + Stats.list(saturation, Stats::num)
              + " |\n"
              + "| pgbench, one event-shaped row a transaction (best of 8 and 32 clients) | "
              + Stats.num(ceil)
              + " | "
              + Stats.list(ceiling, Stats::num)
              + " |\n"
              + "| **commands ÷ pgbench** | **"
              + Stats.pct(sat / ceil)
              + "** | goal ≥ 33.3 % |\n"
              + "| p50 at half load | "
              + Stats.ms(Stats.median(p50))
              + " | "
              + Stats.list(p50, Stats::ms)
              + " |\n"
              + "| **p99 at half load** | **"
              + Stats.ms(Stats.median(p99))
              + "** | "
              + Stats.list(p99, Stats::ms)
              + " (goal < 50 ms) |\n"
              + "| achieved at half load, commands/s | "
              + Stats.num(Stats.median(halfOk))
              + " | "
              + Stats.list(halfOk, Stats::num)
              + " |\n\nSteps (offered → answered 2xx):\n\n```\n"
              + steps
              + "```\n";
      BenchResults.write(
          "Command path: REST writes without hashing beside pgbench",
          "./mvnw -B -Pbench -pl api,ops -am verify -Dtest=CommandPathBenchmarkTest"
              + " -Dsurefire.failIfNoSpecifiedTests=false",
          body);
      assertThat(sat).isPositive();
    }
  }
}
