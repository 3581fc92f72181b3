package org.mailledger.projection.lookup;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one transaction into a layout's tables, as a writer describes them event by event,
 * sent when the transaction commits. Two ways to send them: {@link OrderedBatch} (the live
 * processor and replays: statements in event order, upserts that follow each other grouped) and the
 * rebuild's {@code CoalescingBatch} (whole pages folded into one image per row). Statements that
 * must touch a row are checked: a miss is a {@link MissingRowException}, not a lost change.
 */
public interface WriteBatch {

  /** An insert-or-update of a whole row, keyed by its first column. */
  void upsert(Upsert upsert, Object... row);

  /**
   * A statement kept in event order.
   *
   * @param mustTouch what the statement changes, for the error when it touches no row; null when
   *     touching nothing is fine
   */
  void execute(String sql, String mustTouch, Object... args);

  /**
   * Sets {@code columns} of the row {@code id} of {@code rows}' table; the row must exist.
   *
   * @param mustTouch what is changed, for the error when the row is missing
   */
  default void update(
      Upsert rows, String mustTouch, long id, List<String> columns, Object... values) {
    Object[] args = Arrays.copyOf(values, values.length + 1);
    args[values.length] = id;
    execute(rows.updateSql(columns), mustTouch, args);
  }

  /**
   * Deletes the row {@code id} of {@code rows}' table.
   *
   * @param mustTouch what is deleted, for the error when the row is missing; null when a missing
   *     row is fine
   */
  default void delete(Upsert rows, String mustTouch, long id) {
    execute("DELETE FROM " + rows.table() + " WHERE id = ?", mustTouch, id);
  }

  /** Deletes every row of {@code rows}' table whose {@code column} holds {@code value}. */
  default void deleteWhere(Upsert rows, String column, long value) {
    execute("DELETE FROM " + rows.table() + " WHERE " + column + " = ?", null, value);
  }

  boolean isEmpty();

  /** Sends everything, in the current transaction. */
  void flush(JdbcTemplate jdbc);

  /**
   * The event the steps added from now on come from, for a batch that names it in a {@link
   * MissingRowException}; null when unknown. Ignored by default.
   */
  default void origin(Object event) {}

  /**
   * What the layout's writer keeps for this batch's transaction beside its writes (mum: which
   * domains have alias domains), made by {@code initial} on first use and the same object after.
   */
  <T> T state(Class<T> type, Supplier<T> initial);
}
