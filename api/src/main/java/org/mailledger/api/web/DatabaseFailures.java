package org.mailledger.api.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is down or restarting from a bug: anywhere in the cause chain, a lost or
 * refused connection (SQLSTATE class 08), a server shutting down (57P01–57P03), or Spring's and
 * Hikari's words for those. Such a request is answered 503 and may be retried; whatever wraps the
 * failure (Axon's command bus, Spring Security's authentication) does not change that.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof TransientDataAccessException
          || t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof TransactionSystemException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
