package org.mailledger.ops.bench;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;

/**
 * An open-loop load: requests start on a fixed schedule whatever the answers do, so a slow server
 * shows as latency and as a shortfall of completed requests, not as a politely slower client.
 * Latency is measured from the scheduled start (no coordinated omission). The number in flight is
 * capped; a request that would exceed the cap is counted as dropped, which marks saturation.
 *
 * <p>Requests go out on Apache HttpClient's blocking client, one worker thread per request in
 * flight. The JDK's asynchronous client cost 1.3 to 3.3 ms of CPU per request on these two shared
 * cores (measured against {@code /actuator/health}), as much as the app's own handling of a write,
 * and at 300 requests/s its answers came 0.3 to 2.6 s late while wrk found the same app answering
 * 650/s in 6 ms.
 */
final class OpenLoop implements AutoCloseable {

  /** What one step measured. */
  record Step(
      double offeredPerSecond,
      double seconds,
      long ok,
      long failed,
      long dropped,
      double[] latenciesMs,
      String firstFailure) {

    double okPerSecond() {
      return ok / seconds;
    }

    double p50() {
      return Stats.percentile(latenciesMs, 50);
    }

    double p99() {
      return Stats.percentile(latenciesMs, 99);
    }
  }

  /** One HTTP request: method, path, Authorization header and JSON body (each may be null). */
  record Call(String method, String path, String authorization, String body) {}

  /** A source of requests: each call picks the next request, or null when none is free. */
  interface Requests {
    Lease next();
  }

  /** One request and what to do once it is answered (e.g. return its entity to the pool). */
  record Lease(Call call, Function<Integer, Void> done) {}

  private final String base;
  private final int maxInFlight;
  private final CloseableHttpClient http;
  private final ExecutorService workers;

  OpenLoop(int port, int maxInFlight) {
    this.base = "http://127.0.0.1:" + port;
    this.maxInFlight = maxInFlight;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(maxInFlight)
                    .setMaxConnPerRoute(maxInFlight)
                    // Tomcat closes idle connections: check one that waited before reusing it.
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    this.workers =
        Executors.newFixedThreadPool(
            maxInFlight,
            r -> {
              Thread t = new Thread(r, "open-loop");
              t.setDaemon(true);
              return t;
            });
  }

  static final int CLIENT_WARMUP_MAX_SECONDS =
      Integer.getInteger("bench.client-warmup-max-seconds", 180);

  /**
   * Warms this client as {@link JitWarmup} warms the app: it shares the app's two cores, and while
   * its own JIT compiles Apache HttpClient's paths it both takes CPU from the app and answers its
   * own requests late. Seen by hand: a fresh client at 600 writes/s measured p99 194, 73, 23 and 21
   * ms in four 15 s steps against the same warm app. Runs {@code requests} at {@code perSecond} in
   * 10 s steps until this JVM's compilers worked less than half a second of a step; answers a line
   * that says how it went.
   */
  String warm(Requests requests, double perSecond) throws InterruptedException {
    var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
    StringBuilder trace =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "client warm-up (open loop, %.0f/s, per 10 s: p99 ms, JIT s):",
                perSecond));
    long jit = compiler.getTotalCompilationTime();
    for (int s = 0; s < CLIENT_WARMUP_MAX_SECONDS; s += 10) {
      Step step = run(requests, perSecond, 10);
      long now = compiler.getTotalCompilationTime();
      trace.append(
          String.format(java.util.Locale.ROOT, " %.1f/%.1f", step.p99(), (now - jit) / 1e3));
      boolean quiet = now - jit < 500;
      jit = now;
      if (quiet) {
        return trace.toString();
      }
    }
    return trace
        .append(" (not quiet after ")
        .append(CLIENT_WARMUP_MAX_SECONDS)
        .append(" s)")
        .toString();
  }

  Step run(Requests requests, double perSecond, double seconds) throws InterruptedException {
    long total = (long) (perSecond * seconds);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong dropped = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch((int) total);
    long start = System.nanoTime();
    double intervalNanos = 1e9 / perSecond;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * intervalNanos);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Lease lease = inFlight.get() >= maxInFlight ? null : requests.next();
      if (lease == null) {
        dropped.incrementAndGet();
        finished.countDown();
        continue;
      }
      inFlight.incrementAndGet();
      workers.execute(
          () -> {
            int status;
            String answer;
            try {
              String[] body = new String[1];
              status =
                  http.execute(
                      request(lease.call()),
                      response -> {
                        body[0] =
                            response.getEntity() == null
                                ? ""
                                : EntityUtils.toString(response.getEntity());
                        return response.getCode();
                      });
              answer = body[0];
            } catch (IOException | RuntimeException e) {
              status = 0;
              answer = String.valueOf(e);
            }
            double ms = (System.nanoTime() - due) / 1e6;
            if (status / 100 == 2) {
              ok.incrementAndGet();
              latencies.add(ms);
            } else {
              failed.incrementAndGet();
              if (failures.isEmpty()) {
                failures.add(status + " " + answer);
              }
            }
            lease.done().apply(status);
            inFlight.decrementAndGet();
            finished.countDown();
          });
    }
    finished.await(60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Step(
        perSecond,
        Math.max(seconds, elapsed),
        ok.get(),
        failed.get(),
        dropped.get(),
        latencies.stream().mapToDouble(Double::doubleValue).toArray(),
        failures.peek());
  }

  private HttpUriRequestBase request(Call call) {
    HttpUriRequestBase request =
        new HttpUriRequestBase(call.method(), java.net.URI.create(base + call.path()));
    if (call.authorization() != null) {
      request.setHeader("Authorization", call.authorization());
    }
    if (call.body() != null) {
      request.setEntity(new StringEntity(call.body(), ContentType.APPLICATION_JSON));
    }
    return request;
  }

  @Override
  public void close() throws IOException {
    workers.shutdownNow();
    http.close();
  }
}
