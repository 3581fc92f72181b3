package org.mailledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.config.MumQueries;
import org.mailledger.ops.config.SqlDialect;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * Benchmark 4 of issue 7: at a steady 100 commands/s (alias creations, open loop), the time from
 * each command's 2xx answer to the moment the generated Postfix alias query first returns its row;
 * then the same with {@code ?wait=true}, where every row must already be there when the answer
 * arrives.
 *
 * <p>{@code ./mvnw -B -Pbench -pl api,ops -am verify -Dtest=LagBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} [-Dbench.rounds=3 -Dbench.lag-seconds=20]
 */
@Tag("bench")
class LagBenchmarkTest {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int SECONDS = Integer.getInteger("bench.lag-seconds", 20);
  static final double RATE = 100;

  private record Acked(String address, long ackNanos) {}

  @Test
  void ackToVisibleInThePostfixQuery() throws Exception {
    TestDatabase db = TestDatabases.postgres();
    String aliasQuery = MumQueries.forDialect(SqlDialect.POSTGRESQL).aliases();
    try (AppProcess app = AppProcess.start(db, Map.of("mailledger.bcrypt-cost", "4"));
        Connection postfix = db.dataSource().getConnection()) {
      String auth = app.bearerToken();
      String domain = "lag.bench.example";
      // Warm as a long-running server is (JitWarmup), on entities of the warm-up's own.
      String warmup = JitWarmup.run(app, CommandMix.create(app, auth, "warm", 2, 100)).trace();
      app.expectOk("POST", "/api/v1/domains?wait=true", auth, "{\"domain\":\"" + domain + "\"}");
      OpenLoop load = new OpenLoop(app.port, 256);
      AtomicInteger next = new AtomicInteger();

      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> max = new ArrayList<>();
      List<Double> waitedMissing = new ArrayList<>();
      List<Double> waitedP99 = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) {
        // Round 0 warms up the JIT and the pools and is not counted.
        ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
        OpenLoop.Requests creations =
            () -> {
              String local = "lag" + next.incrementAndGet();
              return new OpenLoop.Lease(
                  new OpenLoop.Call(
                      "POST",
                      "/api/v1/domains/" + domain + "/aliases",
                      auth,
                      "{\"localPart\":\"" + local + "\",\"recipients\":[\"x@elsewhere.example\"]}"),
                  status -> {
                    if (status == 201) {
                      acked.add(new Acked(local + "@" + domain, System.nanoTime()));
                    }
                    return null;
                  });
            };
        List<Double> lags = new ArrayList<>();
        Thread poller =
            new Thread(
                () -> {
                  List<Acked> pending = new ArrayList<>();
                  try (Statement st = postfix.createStatement()) {
                    while (!Thread.currentThread().isInterrupted()
                        || !pending.isEmpty()
                        || !acked.isEmpty()) {
                      for (Acked a; (a = acked.poll()) != null; ) {
                        pending.add(a);
                      }
                      for (var it = pending.iterator(); it.hasNext(); ) {
                        Acked a = it.next();
                        try (ResultSet rs =
                            st.executeQuery(PostfixQuery.forKey(aliasQuery, a.address()))) {
                          if (rs.next()) {
                            lags.add((System.nanoTime() - a.ackNanos()) / 1e6);
                            it.remove();
                          }
                        }
                      }
                      // A 1 ms resolution; polling flat out would take a core from the app.
                      Thread.sleep(1);
                    }
                  } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                "postfix-poller");
        poller.start();
        OpenLoop.Step step = load.run(creations, RATE, round == 0 ? 5 : SECONDS);
        Thread.sleep(3000);
        poller.interrupt();
        poller.join(30_000);
        assertThat(step.failed()).as("failed: %s", step.firstFailure()).isZero();
        assertThat(lags).as("every acknowledged alias became visible").hasSize((int) step.ok());
        if (round == 0) {
          continue;
        }
        double[] values = lags.stream().mapToDouble(Double::doubleValue).toArray();
        p50.add(Stats.percentile(values, 50));
        p99.add(Stats.percentile(values, 99));
        max.add(Stats.percentile(values, 100));

        // The same rate with ?wait=true: the row must be there the moment the answer is.
        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        long interval = (long) (1e9 / RATE);
        long start = System.nanoTime();
        try (Statement st = postfix.createStatement()) {
          for (int i = 0; i < RATE * Math.min(SECONDS, 10); i++) {
            long due = start + i * interval;
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
              Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
            String local = "lagwait" + next.incrementAndGet();
            long sent = System.nanoTime();
            HttpResponse<String> r =
                app.send(
                    "POST",
                    "/api/v1/domains/" + domain + "/aliases?wait=true",
                    auth,
                    "{\"localPart\":\"" + local + "\",\"recipients\":[\"x@elsewhere.example\"]}");
            latencies.add((System.nanoTime() - sent) / 1e6);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            try (ResultSet rs =
                st.executeQuery(PostfixQuery.forKey(aliasQuery, local + "@" + domain))) {
              if (!rs.next()) {
                missing++;
              }
            }
          }
        }
        waitedMissing.add((double) missing);
        waitedP99.add(
            Stats.percentile(latencies.stream().mapToDouble(Double::doubleValue).toArray(), 99));
      }

      String body =
          "| at "
              + Stats.num(RATE)
              + " commands/s | median | rounds |\n|---|---:|---|\n"
              + "| lag p50, answer → row in the Postfix alias query | "
              + Stats.ms(Stats.median(p50))
              + " | "
              + Stats.list(p50, Stats::ms)
              + " |\n"
              + "| **lag p99** | **"
              + Stats.ms(Stats.median(p99))
              + "** | "
              + Stats.list(p99, Stats::ms)
              + " (goal < 250 ms) |\n"
              + "| lag max | "
              + Stats.ms(Stats.median(max))
              + " | "
              + Stats.list(max, Stats::ms)
              + " |\n"
              + "| with `?wait=true`: rows not yet visible at the answer | "
              + Stats.num(Stats.median(waitedMissing))
              + " | "
              + Stats.list(waitedMissing, Stats::num)
              + " (goal 0) |\n"
              + "| with `?wait=true`: answer time p99 (one client) | "
              + Stats.ms(Stats.median(waitedP99))
              + " | "
              + Stats.list(waitedP99, Stats::ms)
              + " |\n\n```\n"
              + warmup
              + "\n```\n";
      BenchResults.write(
          "Lag: acknowledgement to row visible to Postfix",
          "./mvnw -B -Pbench -pl api,ops -am verify -Dtest=LagBenchmarkTest"
              + " -Dsurefire.failIfNoSpecifiedTests=false",
          body);
      assertThat(waitedMissing).allMatch(m -> m == 0.0);
    }
  }
}
