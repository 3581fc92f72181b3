package org.mailledger.projection.fold;

import java.time.Instant;

/**
 * Which part of the log to read: positions in {@code (after, upTo]} and times in {@code [from,
 * to]}; a null bound is open.
 */
public record LogRange(Long after, Long upTo, Instant from, Instant to) {

  public static LogRange all() {
    return new LogRange(null, null, null, null);
  }

  public static LogRange upToPosition(long position) {
    return new LogRange(null, position, null, null);
  }

  public static LogRange upToInstant(Instant instant) {
    return new LogRange(null, null, null, instant);
  }
}
