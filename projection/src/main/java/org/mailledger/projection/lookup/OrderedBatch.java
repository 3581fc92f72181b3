package org.mailledger.projection.lookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live processor's batch (replays included): the writes of one transaction, sent when it
 * commits instead of one round trip per event. Upserts that follow each other are grouped per
 * table, reduced to the last one per row (each carries the whole row), sent as multi-row
 * statements, and in the order the tables depend on each other (a domain before its mailboxes). Any
 * other statement is a barrier that keeps its place in the event order, so an update or delete
 * never overtakes the upsert it follows, nor the other way round. A statement that must touch a row
 * and does not names the event it came from ({@link #origin}).
 */
public final class OrderedBatch implements WriteBatch {

  static final int ROWS_PER_STATEMENT = 500;

  private final List<String> tableOrder;
  private final List<Object> steps = new ArrayList<>();
  private final Map<Class<?>, Object> states = new HashMap<>();
  private Object origin;

  /**
   * @param tableOrder the tables whose upserts may be grouped, parents first
   */
  public OrderedBatch(List<String> tableOrder) {
    this.tableOrder = tableOrder;
  }

  private record Upserts(Map<String, Map<Upsert, Map<Object, Object[]>>> byTable) {}

  private record Statements(
      String sql, List<Object[]> args, List<String> mustTouch, List<Object> origins) {}

  @Override
  public void origin(Object event) {
    this.origin = event;
  }

  @Override
  public <T> T state(Class<T> type, Supplier<T> initial) {
    return type.cast(states.computeIfAbsent(type, t -> initial.get()));
  }

  /** Grouped with the upserts around it. */
  @Override
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

  @Override
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

  @Override
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  @Override
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
