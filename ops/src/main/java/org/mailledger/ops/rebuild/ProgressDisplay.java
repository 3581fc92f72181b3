package org.mailledger.ops.rebuild;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.mailledger.projection.rebuild.RebuildListener;
import org.mailledger.projection.rebuild.RebuildProgress;
import org.mailledger.projection.rebuild.RebuildProgress.Phase;

/**
 * The rebuild's progress on stderr: on a terminal one line redrawn in place ({@code \r}) with a
 * bar, events done of the log's total, events/s and the time left; elsewhere (a log file, a pipe, a
 * service manager) plain lines at most every few seconds, plus one at every change of phase.
 */
final class ProgressDisplay implements RebuildListener {

  /** How the progress is shown. */
  enum Mode {
    AUTO,
    BAR,
    LINES;

    /** A bar when a terminal is attached. */
    Mode resolved() {
      return this != AUTO ? this : System.console() != null ? BAR : LINES;
    }
  }

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final Mode mode;
  private final long redrawNanos;
  private final LongSupplier clock;
  private long lastDrawn = Long.MIN_VALUE;
  private Phase lastPhase;
  private int lastLength;

  ProgressDisplay(PrintWriter err, Mode mode, Duration linesEvery, LongSupplier clock) {
    this.err = err;
    this.mode = mode.resolved();
    this.redrawNanos =
        this.mode == Mode.BAR ? Duration.ofMillis(200).toNanos() : linesEvery.toNanos();
    this.clock = clock;
  }

  ProgressDisplay(PrintWriter err, Mode mode) {
    this(err, mode, Duration.ofSeconds(5), System::nanoTime);
  }

  @Override
  public synchronized void progress(RebuildProgress p) {
    long now = clock.getAsLong();
    boolean phaseChanged = p.phase() != lastPhase;
    if (!phaseChanged && lastDrawn != Long.MIN_VALUE && now - lastDrawn < redrawNanos) {
      return;
    }
    lastDrawn = now;
    lastPhase = p.phase();
    if (mode == Mode.BAR) {
      String line = bar(p) + "  " + text(p);
      // Spaces over what is left of a longer line before.
      String pad = " ".repeat(Math.max(0, lastLength - line.length()));
      err.print("\r" + line + pad);
      lastLength = line.length();
      if (p.phase() == Phase.DONE) {
        err.println();
      }
    } else {
      err.println(text(p));
    }
    err.flush();
  }

  /** Ends a bar line that was left open (the rebuild failed or was cancelled). */
  synchronized void finish() {
    if (mode == Mode.BAR && lastLength > 0 && lastPhase != Phase.DONE) {
      err.println();
      err.flush();
    }
  }

  static String bar(RebuildProgress p) {
    double share = p.head() <= 0 ? 1 : Math.min(1, (double) p.position() / p.head());
    int filled = (int) Math.round(share * WIDTH);
    return "["
        + "#".repeat(filled)
        + "-".repeat(WIDTH - filled)
        + "] "
        + String.format(Locale.ROOT, "%3.0f%%", share * 100);
  }

  static String text(RebuildProgress p) {
    String left =
        p.phase() == Phase.DONE ? "0s" : p.remaining() == null ? "?" : duration(p.remaining());
    return String.format(
        Locale.ROOT,
        "%s  %,d / %,d events  %,.0f events/s  left %s",
        p.phase().name().toLowerCase(Locale.ROOT),
        p.position(),
        p.head(),
        p.eventsPerSecond(),
        left);
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
