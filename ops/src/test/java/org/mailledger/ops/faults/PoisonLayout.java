package org.mailledger.ops.faults;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The layout a poison-event test runs on, and where that layout keeps its mailboxes: every layout
 * has a {@code local_part} column in its mailbox table, so the tests find a row the same way in
 * each.
 *
 * @param mailboxes the table holding one row per mailbox (behind the views, for dinomail)
 * @param quotaInGigabytes whether its quota column counts GB (mum) rather than bytes
 */
record PoisonLayout(String name, String mailboxes, boolean quotaInGigabytes) {

  static final PoisonLayout MUM = new PoisonLayout("mum", "mailboxes", true);
  static final PoisonLayout POSTFIXADMIN = new PoisonLayout("postfixadmin", "mailbox", false);
  static final PoisonLayout DINOMAIL =
      new PoisonLayout("dinomail", "mailledger_dinomail_user", false);

  /**
   * Whether {@code ops status}, {@code ops verify} and the rebuild know this layout; in this
   * release they read mum's tables only, so the others are repaired by putting the row back.
   */
  boolean operatorToolsKnowIt() {
    return this == MUM;
  }

  static final List<PoisonLayout> ALL = List.of(MUM, POSTFIXADMIN, DINOMAIL);

  /** The app's properties: this layout kept alone, quick retries. */
  Map<String, String> appProperties() {
    return Map.of(
        "mailledger.layouts", name,
        "mailledger.projection-retry-initial", "500ms",
        "mailledger.projection-retry-max", "2s");
  }

  /** The quota column's value for a quota of this many GB. */
  long quota(int gigabytes) {
    return quotaInGigabytes ? gigabytes : gigabytes * 1024L * 1024 * 1024;
  }

  long quotaOf(JdbcTemplate tables, String localPart) {
    return tables.queryForObject(
        "SELECT quota FROM " + mailboxes + " WHERE local_part = ?", Long.class, localPart);
  }

  int count(JdbcTemplate tables, String localPart) {
    return tables.queryForObject(
        "SELECT COUNT(*) FROM " + mailboxes + " WHERE local_part = ?", Integer.class, localPart);
  }

  /** The row of a mailbox, as it is, to put back later. */
  Map<String, Object> row(JdbcTemplate tables, String localPart) {
    return tables.queryForMap("SELECT * FROM " + mailboxes + " WHERE local_part = ?", localPart);
  }

  /** Puts back a row read by {@link #row}: the operator's repair by hand. */
  void restore(JdbcTemplate tables, Map<String, Object> row) {
    insert(tables, mailboxes, row);
  }

  /** Its name, as a test run shows it. */
  @Override
  public String toString() {
    return name;
  }

  /** Inserts a row as {@code queryForMap} read it, column by column. */
  static void insert(JdbcTemplate tables, String table, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
    tables.update(
        "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")",
        row.values().toArray());
  }
}
