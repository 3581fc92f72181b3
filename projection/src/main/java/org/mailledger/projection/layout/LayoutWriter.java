package org.mailledger.projection.layout;

import java.time.Instant;
import org.mailledger.projection.lookup.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one layout for each event, as {@link WriteBatch} steps, into the live tables or a
 * rebuild's shadow tables. The same writer serves the live processor, a replay and a rebuild, so
 * all three apply exactly the same logic.
 */
public interface LayoutWriter {

  /** A new batch whose grouped upserts go to this writer's tables in dependency order. */
  WriteBatch newBatch();

  /**
   * Describes the writes of one event into {@code batch}; false when the layout ignores the event.
   *
   * @param timestamp when the event was appended to the log: the same on every replay, so a layout
   *     that keeps creation and change times stays deterministic
   */
  boolean apply(Object event, Instant timestamp, WriteBatch batch);

  /**
   * Called on each new batch inside its transaction, before any event: a writer may read what it
   * needs to leave out writes that would change nothing (mum: which domains have alias domains).
   */
  default void prepare(JdbcTemplate jdbc, WriteBatch batch) {}
}
