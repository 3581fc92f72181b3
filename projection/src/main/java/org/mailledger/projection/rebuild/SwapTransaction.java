package org.mailledger.projection.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.mailledger.projection.lookup.Dialect;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The swap: tables and tokens in one transaction on PostgreSQL, so a crash leaves either the old
 * tables with the old tokens or the new with the new. MySQL commits DDL on its own; the tokens
 * follow the rename at once, and a crash in between would at worst make the processor apply already
 * applied events to the new tables, which a re-run of the rebuild repairs.
 */
final class SwapTransaction {

  /** Tries while readers hold the tables, 5 ms apart: readers are short. */
  private static final int ATTEMPTS = 1_000;

  private final Dialect dialect;
  private final TransactionTemplate transaction;
  private final ShadowTables shadow;
  private final TokenHandover tokens;
  private final RecordedProgress progress;

  SwapTransaction(
      Dialect dialect,
      TransactionTemplate transaction,
      ShadowTables shadow,
      TokenHandover tokens,
      RecordedProgress progress) {
    this.dialect = dialect;
    this.transaction = transaction;
    this.shadow = shadow;
    this.tokens = tokens;
    this.progress = progress;
  }

  /** Swaps the shadow tables in, the live processor's tokens moved to {@code token}. */
  void swap(TrackingToken token) {
    Runnable storeTokens =
        () -> {
          if (token == null) {
            return; // an empty log: nothing was applied, nothing to move
          }
          tokens.moveTo(token);
          progress.clear();
        };
    if (dialect == Dialect.POSTGRESQL) {
      for (int attempt = 1; ; attempt++) {
        try {
          transaction.executeWithoutResult(
              status -> {
                shadow.swap();
                storeTokens.run();
              });
          break;
        } catch (DataAccessException e) {
          // A reader holds a table (see ShadowTables.swap): readers are short, try again soon.
          // Spring does not always translate lock_not_available (55P03), hence the SQL state.
          if (!lockNotAvailable(e) || attempt == ATTEMPTS) {
            throw e;
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RebuildCancelledException(LayoutRebuilder.position(token));
          }
        }
      }
    } else {
      shadow.swap();
      transaction.executeWithoutResult(status -> storeTokens.run());
    }
  }

  private static boolean lockNotAvailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
