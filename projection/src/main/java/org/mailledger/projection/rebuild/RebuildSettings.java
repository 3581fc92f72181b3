package org.mailledger.projection.rebuild;

import java.time.Duration;

/**
 * How a rebuild paces itself.
 *
 * @param eventsPerTransaction events folded into one shadow-table transaction: the more, the more
 *     writes of one row coalesce into one; also how much work a Ctrl-C throws away
 * @param pausePerTransaction a sleep after each transaction, for tests that must stop a rebuild
 *     midway; zero otherwise
 */
public record RebuildSettings(int eventsPerTransaction, Duration pausePerTransaction) {

  public static final RebuildSettings DEFAULT = new RebuildSettings(20_000, Duration.ZERO);

  public RebuildSettings {
    if (eventsPerTransaction < 1) {
      throw new IllegalArgumentException("eventsPerTransaction must be at least 1");
    }
    pausePerTransaction = pausePerTransaction == null ? Duration.ZERO : pausePerTransaction;
  }
}
