package org.mailledger.ops.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An open-loop load: requests start on a fixed schedule whatever the answers do, so a slow server
 * shows as latency and as a shortfall of completed requests, not as a politely slower client.
 * Latency is measured from the scheduled start (no coordinated omission). The number in flight is
 * capped; a request that would exceed the cap is counted as dropped, which marks saturation.
 */
final class OpenLoop {

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

  /** A source of requests: each call picks the next request, or null when none is free. */
  interface Requests {
    Lease next();
  }

  /** One request and what to do once it is answered (e.g. return its entity to the pool). */
  record Lease(HttpRequest request, Function<Integer, Void> done) {}

  private final HttpClient http;
  private final int maxInFlight;

  OpenLoop(HttpClient http, int maxInFlight) {
    this.http = http;
    this.maxInFlight = maxInFlight;
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
      http.sendAsync(lease.request(), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                double ms = (System.nanoTime() - due) / 1e6;
                int status = response == null ? 0 : response.statusCode();
                if (status / 100 == 2) {
                  ok.incrementAndGet();
                  latencies.add(ms);
                } else {
                  failed.incrementAndGet();
                  if (failures.isEmpty()) {
                    failures.add(
                        response == null ? String.valueOf(error) : status + " " + response.body());
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
}
