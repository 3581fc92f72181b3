package org.mailledger.ops.verify;

import java.util.Set;

/**
 * How far the live tables have applied the log, from the processor's tokens: the lowest position
 * over its segments, the highest (they differ while segments run unevenly), and the positions a
 * token still lists as gaps (events it has not seen, which may have been committed since).
 *
 * @param segments token rows found; 0 when the processor never ran
 */
public record AppliedPosition(long lowest, long highest, Set<Long> gaps, int segments) {

  public boolean even() {
    return lowest == highest;
  }
}
