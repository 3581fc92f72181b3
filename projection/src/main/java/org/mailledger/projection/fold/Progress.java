package org.mailledger.projection.fold;

import java.io.PrintWriter;

/**
 * Reports a long fold's pace, at most every two seconds, so an operator replaying millions of
 * events sees it move; silent for short logs.
 */
public final class Progress {

  private static final long EVERY_NANOS = 2_000_000_000L;

  private final PrintWriter out;
  private final long start = System.nanoTime();
  private long last = start;
  private long events;

  private Progress(PrintWriter out) {
    this.out = out;
  }

  public static Progress to(PrintWriter out) {
    return new Progress(out);
  }

  public static Progress none() {
    return new Progress(null);
  }

  public void step(long position) {
    events++;
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - last >= EVERY_NANOS) {
      last = now;
      out.printf(
          "folded %,d events (at position %d, %,.0f events/s)%n", events, position, rate(now));
      out.flush();
    }
  }

  public void done() {
    if (out != null && System.nanoTime() - start >= EVERY_NANOS) {
      out.printf("folded %,d events in all (%,.0f events/s)%n", events, rate(System.nanoTime()));
      out.flush();
    }
  }

  private double rate(long now) {
    return events / Math.max(1e-9, (now - start) / 1e9);
  }
}
