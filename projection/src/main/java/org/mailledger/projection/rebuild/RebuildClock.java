package org.mailledger.projection.rebuild;

/**
 * Where one rebuild run spends its time, for the benchmark ({@link LayoutRebuilder.Timings}):
 * waiting for the next page, folding events into the batch, writing the shadow tables.
 */
final class RebuildClock {

  private final long started = System.nanoTime();
  private long waitNanos;
  private long applyNanos;
  private long writeNanos;

  void waited(long nanos) {
    waitNanos += nanos;
  }

  void applied(long nanos) {
    applyNanos += nanos;
  }

  void wrote(long nanos) {
    writeNanos += nanos;
  }

  /** Seconds since the run started. */
  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  LayoutRebuilder.Timings timings() {
    return new LayoutRebuilder.Timings(
        seconds(), waitNanos / 1e9, applyNanos / 1e9, writeNanos / 1e9);
  }
}
