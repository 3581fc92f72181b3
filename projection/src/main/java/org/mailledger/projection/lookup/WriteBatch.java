package org.mailledger.projection.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailledger.projection.mum.MissingRowException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one projection transaction, sent when it commits instead of one round trip per
 * event. Upserts that follow each other are grouped per table, reduced to the last one per row
 * (each carries the whole row), sent as multi-row statements, and in the order the tables depend on
 * each other (a domain before its mailboxes). Any other statement is a barrier that keeps its place
 * in the event order, so an update or delete never overtakes the upsert it follows, nor the other
 * way round. Statements that must touch a row are checked against the update counts: a miss is a
 * {@link MissingRowException}, not a lost change.
 */
public class WriteBatch {

  static final int ROWS_PER_STATEMENT = 500;

  private final List<String> tableOrder;
  private final List<Object> steps = new ArrayList<>();
  private Object origin;
  private java.util.Set<String> aliasDomainTargets;

  /**
   * @param tableOrder the tables whose upserts may be grouped, parents first
   */
  public WriteBatch(List<String> tableOrder) {
    this.tableOrder = tableOrder;
  }

  private record Upserts(Map<String, Map<Upsert, Map<Object, Object[]>>> byTable) {}

  private record Statements(
      String sql, List<Object[]> args, List<String> mustTouch, List<Object> origins) {}

  /**
   * The event the statements added from now on come from, named by a {@link MissingRowException} so
   * the operator learns which event the tables disagree with; null when unknown.
   */
  public void origin(Object event) {
    this.origin = event;
  }

  /**
   * The hosted domains that had alias domains when this batch's transaction began, read by the
   * layout from its own tables. Alias domains of a domain are in that domain's sequence, so within
   * the transaction only this batch can add one (see {@link #aliasDomainTargetAdded}).
   */
  public void aliasDomainTargets(java.util.Set<String> targets) {
    this.aliasDomainTargets = new java.util.HashSet<>(targets);
  }

  /** An alias domain of {@code domain} is created by this batch. */
  public void aliasDomainTargetAdded(String domain) {
    if (aliasDomainTargets != null) {
      aliasDomainTargets.add(domain);
    }
  }

  /**
   * False only when {@code domain} is known to have no alias domain in this transaction, so that
   * statements expanding its rows into alias domains would change nothing; true when not known.
   */
  public boolean mayHaveAliasDomains(String domain) {
    return aliasDomainTargets == null || aliasDomainTargets.contains(domain);
  }

  /** An insert-or-update of a whole row; grouped with the upserts around it. */
  public void upsert(Upsert upsert, Object... row) {
    Upserts group;
    if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Upserts last) {
      group = last;
    } else {
      group = new Upserts(new LinkedHashMap<>());
      steps.add(group);
    }
    Map<Object, Object[]> rows =
        group
            .byTable()
            .computeIfAbsent(upsert.table(), t -> new LinkedHashMap<>())
            .computeIfAbsent(upsert, u -> new LinkedHashMap<>());
    rows.remove(row[0]);
    rows.put(row[0], row);
  }

  /**
   * A statement kept in event order.
   *
   * @param mustTouch what the statement changes, for the error when it touches no row; null when
   *     touching nothing is fine
   */
  public void execute(String sql, String mustTouch, Object... args) {
    Statements run;
    if (!steps.isEmpty()
        && steps.get(steps.size() - 1) instanceof Statements last
        && last.sql().equals(sql)) {
      run = last;
    } else {
      run = new Statements(sql, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      steps.add(run);
    }
    run.args().add(args);
    run.mustTouch().add(mustTouch);
    run.origins().add(origin);
  }

  /**
   * Sets {@code columns} of the row {@code id} of {@code rows}' table; the row must exist.
   *
   * @param mustTouch what is changed, for the error when the row is missing
   */
  public void update(
      Upsert rows, String mustTouch, long id, List<String> columns, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
    args[values.length] = id;
    execute(rows.updateSql(columns), mustTouch, args);
  }

  /**
   * Deletes the row {@code id} of {@code rows}' table.
   *
   * @param mustTouch what is deleted, for the error when the row is missing; null when a missing
   *     row is fine
   */
  public void delete(Upsert rows, String mustTouch, long id) {
    execute("DELETE FROM " + rows.table() + " WHERE id = ?", mustTouch, id);
  }

  /** Deletes every row of {@code rows}' table whose {@code column} holds {@code value}. */
  public void deleteWhere(Upsert rows, String column, long value) {
    execute("DELETE FROM " + rows.table() + " WHERE " + column + " = ?", null, value);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Sends everything, in the current transaction. */
  public void flush(JdbcTemplate jdbc) {
    for (Object step : steps) {
      if (step instanceof Upserts upserts) {
        for (String table : tableOrder) {
          Map<Upsert, Map<Object, Object[]>> byUpsert = upserts.byTable().get(table);
          if (byUpsert != null) {
            // Rows in id order: concurrent transactions then take key locks in the same order.
            byUpsert.forEach(
                (upsert, rows) -> {
                  List<Object[]> sorted = new ArrayList<>(rows.values());
                  sorted.sort((a, b) -> compareKeys(a[0], b[0]));
                  send(jdbc, upsert, sorted);
                });
          }
        }
      } else {
        Statements run = (Statements) step;
        int[] counts =
            run.args().size() == 1
                ? new int[] {jdbc.update(run.sql(), run.args().get(0))}
                : jdbc.batchUpdate(run.sql(), run.args());
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0 && run.mustTouch().get(i) != null) {
            throw new MissingRowException(run.mustTouch().get(i), run.origins().get(i));
          }
        }
      }
    }
    steps.clear();
  }

  private static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    return a.toString().compareTo(b.toString());
  }

  private static void send(JdbcTemplate jdbc, Upsert upsert, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      Object[] args = new Object[chunk.size() * upsert.columns().size()];
      int i = 0;
      for (Object[] row : chunk) {
        for (Object value : row) {
          args[i++] = value;
        }
      }
      jdbc.update(upsert.sql(chunk.size()), args);
    }
  }
}
