package org.mailledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1 of issue 7: the REST command path at saturation, beside pgbench inserting one
 * event-store-shaped row per transaction into the same PostgreSQL (the ceiling for one durable
 * event per command), in the same run, then the latency at half that rate.
 *
 * <p>Saturation is measured with wrk, a closed-loop load generator in C, at 16, 32 and 64
 * connections (the best counts), as pgbench is a C client of its database. Half load is open loop
 * (requests start on schedule, latency from the scheduled start) on Apache HttpClient, on entities
 * of its own, after that client's own JIT warm-up and a short lead-in per step.
 *
 * <p>Each saturation and pgbench step also splits the machine's CPU per unit of work between the
 * app, the database server and the rest ({@link CpuAccount}), and each round measures what the same
 * app answers for a request that does next to nothing (the liveness probe) and for an authenticated
 * read: where the distance to pgbench comes from.
 *
 * <p>{@code ./mvnw -B -Pbench -pl api,ops -am verify -Dtest=CommandPathBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} [-Dbench.rounds=3 -Dbench.step-seconds=8
 * -Dbench.warmup-max-seconds=420 -Dbench.client-warmup-max-seconds=180
 * -Dbench.half-load-seconds=10]
 */
@Tag("bench")
class CommandPathBenchmarkTest {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 8);
  static final int HALF_LOAD_SECONDS = Integer.getInteger("bench.half-load-seconds", 10);
  static final int LEAD_IN_SECONDS = 3;
  static final List<Integer> CONNECTIONS = List.of(16, 32, 64);

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
      // 1,500 entities for wrk, 3,000 for the open-loop client: each keeps its own state.
      CommandMix saturating = CommandMix.create(app, auth, "wrk", 5, 100);
      CommandMix mix = CommandMix.create(app, auth, "cmd", 10, 100);
      jdbc.execute(
          "CREATE TABLE bench_event_entry (LIKE domain_event_entry INCLUDING DEFAULTS"
              + " INCLUDING CONSTRAINTS INCLUDING INDEXES)");
      jdbc.execute("CREATE SEQUENCE bench_event_seq");
      jdbc.execute(
          "ALTER TABLE bench_event_entry ALTER COLUMN global_index SET DEFAULT"
              + " nextval('bench_event_seq')");

      OpenLoop load = new OpenLoop(app.port, 256);
      // Warm-up, not counted, until the app's JIT is quiet (see JitWarmup), then the open-loop
      // client's own, at about half load (see OpenLoop.warm).
      JitWarmup.Warm warm = JitWarmup.run(app, saturating);
      String warmup = warm.trace() + "\n" + load.warm(mix, warm.lastPerSecond() / 2);

      List<Double> saturation = new ArrayList<>();
      List<Double> ceiling = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> halfOk = new ArrayList<>();
      StringBuilder steps = new StringBuilder(warmup).append('\n');
      List<Double> appMs = new ArrayList<>();
      List<Double> databaseMs = new ArrayList<>();
      List<Double> transactions = new ArrayList<>();
      List<Double> insertDatabaseMs = new ArrayList<>();
      List<Double> liveness = new ArrayList<>();
      List<Double> reads = new ArrayList<>();
      String oneMailbox = "/api/v1/mailboxes/m0@wrk0.bench.example";
      for (int round = 1; round <= ROUNDS; round++) {
        CpuAccount.Split best = null;
        steps.append("round ").append(round).append(':');
        for (int connections : CONNECTIONS) {
          Wrk.Result[] r = new Wrk.Result[1];
          CpuAccount.Split split =
              CpuAccount.measure(
                  app.pid(),
                  jdbc,
                  () -> {
                    r[0] = saturating.wrk(app, connections, STEP_SECONDS);
                    return new CpuAccount.Work(r[0].requestsPerSecond(), r[0].requests());
                  });
          if (best == null || split.perSecond() > best.perSecond()) {
            best = split;
          }
          steps.append(
              String.format(
                  Locale.ROOT,
                  " %d conn %.0f/s (p50 %.1f, p99 %.1f ms%s)",
                  connections,
                  r[0].requestsPerSecond(),
                  r[0].p50Ms(),
                  r[0].p99Ms(),
                  r[0].non2xx() > 0 ? ", " + r[0].non2xx() + " non-2xx" : ""));
        }
        saturation.add(best.perSecond());
        appMs.add(best.appMs());
        databaseMs.add(best.databaseMs());
        transactions.add(best.transactions());
        steps.append("\n  commands at saturation: ").append(best.describe());
        CpuAccount.Split insert = null;
        for (int clients : List.of(8, 32)) {
          CpuAccount.Split split =
              CpuAccount.measure(
                  app.pid(),
                  jdbc,
                  () -> {
                    double tps = Pgbench.tps(db, EVENT_INSERT, clients, STEP_SECONDS);
                    return new CpuAccount.Work(tps, Math.round(tps * STEP_SECONDS));
                  });
          if (insert == null || split.perSecond() > insert.perSecond()) {
            insert = split;
          }
        }
        ceiling.add(insert.perSecond());
        insertDatabaseMs.add(insert.databaseMs());
        steps.append("\n  pgbench inserts: ").append(insert.describe());
        // What the same app answers when a request does next to nothing, and when it does an
        // authenticated read (the Bearer query and one lookup row): the floor under any command.
        Wrk.Result idle = Wrk.get(app.port, "/actuator/health/liveness", null, 32, STEP_SECONDS);
        Wrk.Result read = Wrk.get(app.port, oneMailbox, auth, 32, STEP_SECONDS);
        if (idle.non2xx() + read.non2xx() + idle.socketErrors() + read.socketErrors() > 0) {
          throw new IllegalStateException("floor requests failed: " + idle + " " + read);
        }
        liveness.add(idle.requestsPerSecond());
        reads.add(read.requestsPerSecond());
        steps.append(
            String.format(
                Locale.ROOT,
                "%n  liveness %.0f/s, authenticated GET %.0f/s",
                idle.requestsPerSecond(),
                read.requestsPerSecond()));
        double rate = best.perSecond() / 2;
        // A lead-in at the same rate, not counted: the client's connections went idle during the
        // steps above and Tomcat closed them after 20 s.
        load.run(mix, rate, LEAD_IN_SECONDS);
        OpenLoop.Step half = load.run(mix, rate, HALF_LOAD_SECONDS);
        assertThat(half.failed()).as("failed requests: %s", half.firstFailure()).isZero();
        steps.append(
            String.format(
                Locale.ROOT,
                "%n  open loop %.0f/s offered → %.0f/s (p50 %.1f, p99 %.1f ms%s)%n",
                rate,
                half.okPerSecond(),
                half.p50(),
                half.p99(),
                half.dropped() > 0 ? ", " + half.dropped() + " dropped" : ""));
        p50.add(half.p50());
        p99.add(half.p99());
        halfOk.add(half.okPerSecond());
      }

      double sat = Stats.median(saturation);
      double ceil = Stats.median(ceiling);
      int cores = Runtime.getRuntime().availableProcessors();
      String body =
          "| | median | rounds |\n|---|---:|---|\n"
              + "| commands/s at saturation (wrk, best of "
              + CONNECTIONS
              + " connections, "
              + STEP_SECONDS
              + " s each) | "
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
              + "| p50 at half load (open loop) | "
              + Stats.ms(Stats.median(p50))
              + " | "
              + Stats.list(p50, Stats::ms)
              + " |\n"
              + "| **p99 at half load (open loop)** | **"
              + Stats.ms(Stats.median(p99))
              + "** | "
              + Stats.list(p99, Stats::ms)
              + " (goal < 50 ms) |\n"
              + "| achieved at half load, commands/s | "
              + Stats.num(Stats.median(halfOk))
              + " | "
              + Stats.list(halfOk, Stats::num)
              + " |\n"
              + "| app CPU per command at saturation | "
              + Stats.cpuMs(Stats.median(appMs))
              + " | "
              + Stats.list(appMs, Stats::cpuMs)
              + " |\n"
              + "| database CPU per command at saturation | "
              + Stats.cpuMs(Stats.median(databaseMs))
              + " | "
              + Stats.list(databaseMs, Stats::cpuMs)
              + " |\n"
              + "| database CPU per pgbench insert | "
              + Stats.cpuMs(Stats.median(insertDatabaseMs))
              + " | "
              + Stats.list(insertDatabaseMs, Stats::cpuMs)
              + " |\n"
              + "| database transactions per command (the Bearer read, lookups, the append,"
              + " the processors' batches) | "
              + String.format(Locale.ROOT, "%.1f", Stats.median(transactions))
              + " | |\n"
              + "| ceiling if the database cost nothing: "
              + cores
              + " cores ÷ app CPU per command, ÷ pgbench | "
              + Stats.pct(cores * 1000 / Stats.median(appMs) / ceil)
              + " | |\n"
              + "| liveness probe (no database, no login), requests/s ÷ pgbench | "
              + Stats.pct(Stats.median(liveness) / ceil)
              + " | "
              + Stats.list(liveness, Stats::num)
              + " |\n"
              + "| authenticated GET of one mailbox (Bearer query + one row), requests/s ÷ pgbench | "
              + Stats.pct(Stats.median(reads) / ceil)
              + " | "
              + Stats.list(reads, Stats::num)
              + " |\n\nSteps:\n\n```\n"
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
