package org.mailledger.ops.bench;

import java.util.Locale;

/**
 * Warms the app as a long-running server is warm: wrk drives a write mix in steps until the app's
 * JIT compilers ({@code jstat -compiler}) worked less than a tenth of a step. On these two cores
 * they took a whole core for about four minutes of load (some 19,000 methods), and the same build
 * answered 300 writes/s in the first minute and 800 in the fifth; a benchmark measured before that
 * measures the compiler.
 */
final class JitWarmup {

  static final int STEP_SECONDS = 15;
  static final int MAX_SECONDS = Integer.getInteger("bench.warmup-max-seconds", 420);

  /** A line that says how the warm-up went, and the write rate of its last step. */
  record Warm(String trace, double lastPerSecond) {}

  private JitWarmup() {}

  /** Runs the warm-up on {@code mix}. */
  static Warm run(AppProcess app, CommandMix mix) throws Exception {
    StringBuilder trace = new StringBuilder("warm-up (wrk, 32 connections, per ");
    trace.append(STEP_SECONDS).append(" s: writes/s, JIT s):");
    double jit = app.jitSeconds();
    double rate = 0;
    for (int s = 0; s < MAX_SECONDS; s += STEP_SECONDS) {
      Wrk.Result r = mix.wrk(app, 32, STEP_SECONDS);
      rate = r.requestsPerSecond();
      double now = app.jitSeconds();
      trace.append(String.format(Locale.ROOT, " %.0f/%.1f", r.requestsPerSecond(), now - jit));
      boolean quiet = now - jit < 0.1 * STEP_SECONDS;
      jit = now;
      if (quiet) {
        return new Warm(trace.toString(), rate);
      }
    }
    trace.append(" (not quiet after ").append(MAX_SECONDS).append(" s)");
    return new Warm(trace.toString(), rate);
  }
}
