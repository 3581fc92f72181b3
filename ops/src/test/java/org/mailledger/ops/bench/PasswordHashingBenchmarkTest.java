package org.mailledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * Benchmark 2 of issue 7: mailbox creations per second through the REST API with the configured
 * scheme and cost, beside the bare hashing rate of that scheme and cost with the same number of
 * threads, in the same run. The limit there is the hash, by design.
 *
 * <p>{@code ./mvnw -B -Pbench -pl api,ops -am verify -Dtest=PasswordHashingBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} [-Dbench.scheme=BLF-CRYPT -Dbench.bcrypt-cost=10]
 */
@Tag("bench")
class PasswordHashingBenchmarkTest {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int SECONDS = Integer.getInteger("bench.hash-seconds", 10);
  static final String SCHEME = System.getProperty("bench.scheme", "BLF-CRYPT");
  static final int COST = Integer.getInteger("bench.bcrypt-cost", 10);
  static final int THREADS = Runtime.getRuntime().availableProcessors();

  @Test
  void mailboxCreationsBesideBareHashing() throws Exception {
    PasswordPolicy d = PasswordPolicy.defaults();
    PasswordHasher hasher =
        new PasswordHasher(
            new PasswordPolicy(
                PasswordScheme.fromDovecotName(SCHEME),
                COST,
                d.argon2MemoryKib(),
                d.argon2Iterations(),
                d.argon2Parallelism(),
                d.sha512Rounds(),
                d.minLength()));
    TestDatabase db = TestDatabases.postgres();
    try (AppProcess app =
        AppProcess.start(
            db,
            Map.of(
                "mailledger.bcrypt-cost",
                String.valueOf(COST),
                "mailledger.password-scheme",
                SCHEME))) {
      String auth = app.bearerToken();
      String domain = "hash.bench.example";
      app.expectOk("POST", "/api/v1/domains?wait=true", auth, "{\"domain\":\"" + domain + "\"}");
      AtomicInteger next = new AtomicInteger();
      List<Double> creations = new ArrayList<>();
      List<Double> hashes = new ArrayList<>();
      creationsPerSecond(app, auth, domain, next, 3); // warm-up
      bareHashesPerSecond(hasher, 3);
      for (int round = 0; round < ROUNDS; round++) {
        creations.add(creationsPerSecond(app, auth, domain, next, SECONDS));
        hashes.add(bareHashesPerSecond(hasher, SECONDS));
      }
      double c = Stats.median(creations);
      double h = Stats.median(hashes);
      BenchResults.write(
          "Password hashing: mailbox creations beside the bare hash",
          "./mvnw -B -Pbench -pl api,ops -am verify -Dtest=PasswordHashingBenchmarkTest"
              + " -Dsurefire.failIfNoSpecifiedTests=false",
          "Scheme "
              + SCHEME
              + ", cost "
              + COST
              + " (`mailledger.password-scheme`, `mailledger.bcrypt-cost`), "
              + THREADS
              + " threads each, "
              + SECONDS
              + " s a round.\n\n| | median /s | rounds |\n|---|---:|---|\n"
              + "| mailbox creations via `POST /domains/{d}/mailboxes` | "
              + String.format(java.util.Locale.ROOT, "%.1f", c)
              + " | "
              + Stats.list(creations, v -> String.format(java.util.Locale.ROOT, "%.1f", v))
              + " |\n| bare hashes, same scheme and cost | "
              + String.format(java.util.Locale.ROOT, "%.1f", h)
              + " | "
              + Stats.list(hashes, v -> String.format(java.util.Locale.ROOT, "%.1f", v))
              + " |\n| **creations ÷ hashes** | **"
              + Stats.pct(c / h)
              + "** | |\n");
      assertThat(c).isPositive();
    }
  }

  private static double creationsPerSecond(
      AppProcess app, String auth, String domain, AtomicInteger next, int seconds)
      throws Exception {
    AtomicLong ok = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        clients.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    int n = next.incrementAndGet();
                    HttpResponse<String> r =
                        app.send(
                            "POST",
                            "/api/v1/domains/" + domain + "/mailboxes",
                            auth,
                            "{\"localPart\":\"h" + n + "\",\"password\":\"hash bench " + n + "\"}");
                    if (r.statusCode() != 201) {
                      throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    ok.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return ok.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static double bareHashesPerSecond(PasswordHasher hasher, int seconds) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        workers.add(
            pool.submit(
                () -> {
                  int i = 0;
                  while (System.nanoTime() < end) {
                    hasher.hash(Secret.of("hash bench " + id + " " + i++));
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
