package org.mailledger.command.config;

import java.sql.SQLException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A command that lost a lock race in the database (a deadlock, or a serialization failure) did
 * nothing: its transaction was rolled back whole. The database asks for it to be run again; run
 * again, it meets the winner's rows and gets the rule's own answer (e.g. {@code domain-exists}).
 * InnoDB reports such races among inserts of one unique key far more often than PostgreSQL. So does
 * an append that lost to another writer of the same aggregate (another instance on the same event
 * store): run again, the command first reads that writer's events.
 */
final class LockConflicts {

  private LockConflicts() {}

  static boolean isLockConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PessimisticLockingFailureException
          || t instanceof ConcurrencyException
          || t instanceof AggregateStreamCreationException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        // 40001 serialization failure / MySQL deadlock, 40P01 PostgreSQL deadlock; 1213 MySQL.
        if ("40001".equals(state) || "40P01".equals(state) || sql.getErrorCode() == 1213) {
          return true;
        }
      }
    }
    return false;
  }
}
