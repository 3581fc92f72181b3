package org.mailledger.projection.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What Postfix sees while a rebuild runs: one connection that keeps asking the mailbox map's query,
 * as Postfix sends it (the address written into the text, no prepared statement), for addresses
 * that exist before and after the rebuild, at a steady pace. Every empty answer and every error is
 * counted; the rebuild's promise is that there are none.
 */
final class PostfixReader implements AutoCloseable {

  /** The PostgreSQL translation of MUM's mailbox query, as {@code ops config} writes it. */
  private static final String QUERY =
      "SELECT 1 AS found FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id"
          + " WHERE mailboxes.local_part = '%s' AND domains.domain = '%s' AND domains.active"
          + " AND mailboxes.active LIMIT 1";

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong asked = new AtomicLong();
  private final AtomicLong empty = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<String> firstProblems = new ArrayList<>();
  private final Thread thread;

  /**
   * @param addresses local part and domain of mailboxes that exist before and after
   * @param pauseMicros between two questions
   */
  PostfixReader(DataSource dataSource, List<String[]> addresses, long pauseMicros) {
    thread =
        new Thread(
            () -> {
              try (Connection c = dataSource.getConnection();
                  Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (int i = 0; !stop.get(); i++) {
                  String[] a = addresses.get(i % addresses.size());
                  ask(s, a[0], a[1]);
                  if (pauseMicros > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(pauseMicros * 1000);
                  }
                }
              } catch (SQLException e) {
                failed.incrementAndGet();
                problem("connection: " + e.getMessage());
              }
            },
            "postfix-reader");
    thread.setDaemon(true);
    thread.start();
  }

  static List<String[]> activeMailboxes(DataSource dataSource) throws SQLException {
    List<String[]> addresses = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT mailboxes.local_part, domains.domain FROM mailboxes INNER JOIN domains ON"
                    + " mailboxes.domain_id = domains.id WHERE mailboxes.active AND domains.active"
                    + " ORDER BY mailboxes.id")) {
      while (r.next()) {
        addresses.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return addresses;
  }

  private void ask(Statement s, String localPart, String domain) {
    String sql = String.format(QUERY, localPart.replace("'", "''"), domain.replace("'", "''"));
    try (ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        empty.incrementAndGet();
        problem("no answer for " + localPart + "@" + domain);
      }
    } catch (SQLException e) {
      failed.incrementAndGet();
      problem(localPart + "@" + domain + ": " + e.getMessage());
    }
    asked.incrementAndGet();
  }

  private synchronized void problem(String text) {
    if (firstProblems.size() < 5) {
      firstProblems.add(text);
    }
  }

  long asked() {
    return asked.get();
  }

  long empty() {
    return empty.get();
  }

  long failed() {
    return failed.get();
  }

  synchronized List<String> firstProblems() {
    return List.copyOf(firstProblems);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join();
  }
}
