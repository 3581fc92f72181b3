package org.mailledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per source address in a sliding window and says how long an address has to
 * wait once it has had too many.
 *
 * <p>In memory, so it holds for one node: with several nodes behind a balancer an attacker gets the
 * limit once per node, and a restart forgets it. Good enough against password guessing at bcrypt
 * speed; a shared limit would need a table or the balancer's own limiting.
 */
public class LoginThrottle {

  // Bounds the memory a flood of spoofed-looking sources can take; stale entries go first.
  private static final int MAX_TRACKED = 100_000;

  private final int maxFailures;
  private final long windowMillis;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("maxFailures must be >= 1 and the window positive");
    }
    this.maxFailures = maxFailures;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  public void recordFailure(String source) {
    long now = clock.millis();
    if (failures.size() >= MAX_TRACKED) {
      evictStale(now);
    }
    Deque<Long> times = failures.computeIfAbsent(source, k -> new ArrayDeque<>());
    synchronized (times) {
      dropOld(times, now);
      times.addLast(now);
      // Only the newest maxFailures matter for the decision; older ones would only cost memory.
      while (times.size() > maxFailures) {
        times.removeFirst();
      }
    }
  }

  /** Seconds until the source may try again; zero when it may now. */
  public long retryAfterSeconds(String source) {
    Deque<Long> times = failures.get(source);
    if (times == null) {
      return 0;
    }
    long now = clock.millis();
    synchronized (times) {
      dropOld(times, now);
      if (times.size() < maxFailures) {
        return 0;
      }
      long waitMillis = times.peekFirst() + windowMillis - now;
      return Math.max(1, (waitMillis + 999) / 1000);
    }
  }

  private void dropOld(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
      times.removeFirst();
    }
  }

  private void evictStale(long now) {
    failures
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                dropOld(e.getValue(), now);
                return e.getValue().isEmpty();
              }
            });
  }
}
