package org.mailledger.projection.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of one rebuild run into the shadow tables: a batch of events' writes, and the
 * position they bring the tables to, committed together.
 */
final class ShadowCommits {

  private final Dialect dialect;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final RebuildLayout layout;
  private final RecordedProgress progress;
  private long commits;

  ShadowCommits(
      Dialect dialect,
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      RebuildLayout layout,
      RecordedProgress progress) {
    this.dialect = dialect;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.layout = layout;
    this.progress = progress;
  }

  void commit(WriteBatch batch, TrackingToken last) {
    transaction.executeWithoutResult(
        status -> {
          if (dialect == Dialect.POSTGRESQL) {
            // The shadow tables grow from empty within this session: a generic plan cached
            // while they were small (a sequential scan) would stay in use for the reads by id
            // as they grow, so every statement is planned for the tables as they are.
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
          }
          batch.flush(jdbc);
          progress.record(last);
        });
    if (dialect == Dialect.POSTGRESQL && Long.bitCount(++commits) == 1) {
      // Statistics after the 1st, 2nd, 4th, 8th... transaction: the planner sees tables that
      // grew since the last ANALYZE, at a cost that stays small beside the writes.
      for (String table : layout.tables()) {
        jdbc.execute("ANALYZE " + ShadowTables.PREFIX + table);
      }
    }
  }
}
