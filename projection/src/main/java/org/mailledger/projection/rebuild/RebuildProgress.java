package org.mailledger.projection.rebuild;

import java.time.Duration;

/**
 * Where a rebuild stands, as the CLI prints it and the REST state exposes it.
 *
 * @param phase what the rebuild does now
 * @param position global index of the last event applied to the shadow tables
 * @param head global index of the newest event in the log when last looked at
 * @param events events applied by this run (not counting what a resumed run found done)
 * @param eventsPerSecond applied events per second over this run
 * @param remaining estimate of the time left to reach the head at that rate; null when unknown
 */
public record RebuildProgress(
    Phase phase,
    long position,
    long head,
    long events,
    double eventsPerSecond,
    Duration remaining) {

  /** The steps of a rebuild in order. */
  public enum Phase {
    PREPARING,
    COPYING,
    SWAPPING,
    DONE
  }

  /** One line for a terminal. */
  public String line() {
    String eta = remaining == null ? "?" : formatted(remaining);
    return String.format(
        "%-9s %,d / %,d  %,d events  %,.0f events/s  left %s",
        phase.name().toLowerCase(java.util.Locale.ROOT),
        position,
        head,
        events,
        eventsPerSecond,
        eta);
  }

  private static String formatted(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }
}
