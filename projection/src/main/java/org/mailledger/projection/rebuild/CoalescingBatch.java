package org.mailledger.projection.rebuild;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mailledger.projection.lookup.MissingRowException;
import org.mailledger.projection.lookup.OrderedBatch;
import org.mailledger.projection.lookup.Upsert;
import org.mailledger.projection.lookup.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's write batch: the writes of a whole page of the log (tens of thousands of events) are
 * folded in memory into the final image of each row they touch, so a mailbox created and then
 * changed five times in the page is written once, as one row of a multi-row upsert. The writer's
 * steps mean exactly what they mean in the live {@link OrderedBatch}; only the way they reach the
 * database differs:
 *
 * <ul>
 *   <li>an upsert sets the row's image;
 *   <li>an update or delete of a row the page has an image of changes the image (a miss is a {@link
 *       MissingRowException}, as the live update count would say);
 *   <li>an update or delete of a row the page has not seen is kept in order and applied at flush to
 *       the row read back from the shadow table, all such rows in one query a table;
 *   <li>{@link #deleteWhere} removes the matching images and, at flush, the matching stored rows;
 *   <li>a plain {@link #execute} statement (a writer step without a row meaning), and an update of
 *       a column under a unique index (a rename), is a barrier: what came before is flushed first,
 *       then the statement runs, in event order.
 * </ul>
 *
 * At flush, per window between barriers: stored rows are read for pending steps, then {@code
 * deleteWhere}s run, then deletes by id (children first), then the row images go out as multi-row
 * upserts (parents first).
 */
final class CoalescingBatch implements WriteBatch {

  static final int ROWS_PER_STATEMENT = 1000;

  private final List<String> tableOrder;
  private final Map<String, Set<String>> uniqueColumns;
  private final List<Object> steps = new ArrayList<>();
  private final Map<Class<?>, Object> states = new HashMap<>();

  /**
   * @param tableOrder the shadow tables, parents first
   * @param uniqueColumns per shadow table, the columns a unique index covers
   */
  CoalescingBatch(List<String> tableOrder, Map<String, Set<String>> uniqueColumns) {
    this.tableOrder = tableOrder;
    this.uniqueColumns = uniqueColumns;
  }

  /** A step on a row the page has no image of, applied once the stored row is read. */
  private sealed interface Pending permits Update, Delete, DeleteIf {}

  private record Update(int[] columns, Object[] values, String mustTouch) implements Pending {}

  private record Delete(String mustTouch) implements Pending {}

  private record DeleteIf(int column, long value) implements Pending {}

  /** What the page knows of one row. */
  private static final class Row {
    /** The row's image; null when the row is absent (known) or not read yet (unknown). */
    Object[] image;

    /** Whether {@link #image} is the row's state, or the stored row must be read first. */
    boolean known;

    /** Whether a stored row may have to be deleted at flush. */
    boolean deleteStored;

    /** Whether the image must be written at flush. */
    boolean dirty;

    List<Pending> pending;
  }

  private static final class Table {
    final Upsert upsert;
    final Map<Object, Row> rows = new HashMap<>();
    final Map<String, Set<Long>> deleteWhere = new LinkedHashMap<>();

    Table(Upsert upsert) {
      this.upsert = upsert;
    }
  }

  /** Coalesced writes between two barriers. */
  private static final class Window {
    final Map<String, Table> tables = new LinkedHashMap<>();
  }

  private record Statement(String sql, String mustTouch, Object[] args) {}

  private Window window() {
    if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Window w) {
      return w;
    }
    Window w = new Window();
    steps.add(w);
    return w;
  }

  private Table table(Upsert upsert) {
    Table table = window().tables.computeIfAbsent(upsert.table(), t -> new Table(upsert));
    if (table.upsert != upsert && !table.upsert.equals(upsert)) {
      throw new IllegalStateException(upsert.table() + " written with two column lists");
    }
    return table;
  }

  private static Row row(Table table, Object key) {
    return table.rows.computeIfAbsent(key, k -> new Row());
  }

  /**
   * A row's key: its first column, an id in most layouts and a natural key such as PostfixAdmin's
   * {@code username} in others; numbers of any width as one long.
   */
  private static Object key(Object value) {
    return value instanceof Number n ? (Object) n.longValue() : value;
  }

  /** Ids in numeric order, natural keys in text order: the same order on every flush. */
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    return a.toString().compareTo(b.toString());
  }

  @Override
  public <T> T state(Class<T> type, Supplier<T> initial) {
    return type.cast(states.computeIfAbsent(type, t -> initial.get()));
  }

  @Override
  public void upsert(Upsert upsert, Object... row) {
    Row r = row(table(upsert), key(row[0]));
    r.image = row;
    r.known = true;
    r.dirty = true;
    r.pending = null;
  }

  @Override
  public void update(
      Upsert rows, String mustTouch, long id, List<String> columns, Object... values) {
    Set<String> unique = uniqueColumns.getOrDefault(rows.table(), Set.of());
    boolean changesKey = false;
    for (String column : columns) {
      changesKey |= unique.contains(column);
    }
    if (changesKey) {
      // A changed key: written in event order, or a later row taking the old key would collide
      // with this one in a multi-row upsert (or two renames could swap keys).
      WriteBatch.super.update(rows, mustTouch, id, columns, values);
      return;
    }
    int[] indexes = new int[columns.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = rows.index(columns.get(i));
    }
    Row r = row(table(rows), id);
    if (r.known) {
      if (r.image == null) {
        throw new MissingRowException(mustTouch);
      }
      set(r, indexes, values);
    } else {
      pending(r).add(new Update(indexes, values, mustTouch));
    }
  }

  @Override
  public void delete(Upsert rows, String mustTouch, long id) {
    Row r = row(table(rows), id);
    if (r.known) {
      if (r.image == null && mustTouch != null) {
        throw new MissingRowException(mustTouch);
      }
      r.image = null;
      r.dirty = false;
      r.deleteStored = true;
    } else {
      pending(r).add(new Delete(mustTouch));
    }
  }

  @Override
  public void deleteWhere(Upsert rows, String column, long value) {
    int index = rows.index(column);
    Table table = table(rows);
    for (Row r : table.rows.values()) {
      if (r.known) {
        if (r.image != null && matches(r.image[index], value)) {
          r.image = null;
          r.dirty = false;
          r.deleteStored = true;
        }
      } else {
        r.pending.add(new DeleteIf(index, value));
      }
    }
    table.deleteWhere.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(value);
  }

  @Override
  public void execute(String sql, String mustTouch, Object... args) {
    steps.add(new Statement(sql, mustTouch, args));
  }

  @Override
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  @Override
  public void flush(JdbcTemplate jdbc) {
    for (Object step : steps) {
      if (step instanceof Window w) {
        flush(jdbc, w);
      } else {
        Statement s = (Statement) step;
        if (jdbc.update(s.sql(), s.args()) == 0 && s.mustTouch() != null) {
          throw new MissingRowException(s.mustTouch());
        }
      }
    }
    steps.clear();
  }

  private void flush(JdbcTemplate jdbc, Window window) {
    List<Table> ordered = new ArrayList<>();
    for (String name : tableOrder) {
      Table t = window.tables.get(name);
      if (t != null) {
        ordered.add(t);
      }
    }
    if (ordered.size() != window.tables.size()) {
      throw new IllegalStateException("a table outside " + tableOrder + " in " + window.tables);
    }
    for (Table t : ordered) {
      resolve(jdbc, t);
    }
    for (Table t : ordered) {
      t.deleteWhere.forEach(
          (column, values) ->
              inChunks(
                  new ArrayList<>(values),
                  chunk ->
                      jdbc.update(
                          "DELETE FROM "
                              + t.upsert.table()
                              + " WHERE "
                              + column
                              + " IN ("
                              + marks(chunk.size())
                              + ")",
                          chunk.toArray())));
    }
    List<Table> childrenFirst = new ArrayList<>(ordered);
    Collections.reverse(childrenFirst);
    for (Table t : childrenFirst) {
      List<Object> gone = new ArrayList<>();
      t.rows.forEach(
          (id, r) -> {
            if (r.image == null && r.deleteStored) {
              gone.add(id);
            }
          });
      gone.sort(CoalescingBatch::compareKeys);
      inChunks(
          gone,
          chunk ->
              jdbc.update(
                  "DELETE FROM " + t.upsert.table() + " WHERE id IN (" + marks(chunk.size()) + ")",
                  chunk.toArray()));
    }
    for (Table t : ordered) {
      // In key order: the same order every time, and index pages filled left to right.
      TreeMap<Object, Object[]> images = new TreeMap<>(CoalescingBatch::compareKeys);
      t.rows.forEach(
          (id, r) -> {
            if (r.image != null && r.dirty) {
              images.put(id, r.image);
            }
          });
      List<Object[]> rows = new ArrayList<>(images.values());
      int width = t.upsert.columns().size();
      for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
        List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
        Object[] args = new Object[chunk.size() * width];
        int i = 0;
        for (Object[] row : chunk) {
          System.arraycopy(row, 0, args, i, width);
          i += width;
        }
        jdbc.update(t.upsert.sql(chunk.size()), args);
      }
    }
  }

  /** Reads the stored rows that pending steps apply to, and applies them. */
  private static void resolve(JdbcTemplate jdbc, Table t) {
    List<Object> ids = new ArrayList<>();
    t.rows.forEach(
        (id, r) -> {
          if (!r.known) {
            ids.add(id);
          }
        });
    if (ids.isEmpty()) {
      return;
    }
    List<String> columns = t.upsert.columns();
    Map<Object, Object[]> stored = new HashMap<>();
    inChunks(
        ids,
        chunk ->
            jdbc.query(
                "SELECT "
                    + String.join(", ", columns)
                    + " FROM "
                    + t.upsert.table()
                    + " WHERE id IN ("
                    + marks(chunk.size())
                    + ")",
                rs -> {
                  Object[] row = new Object[columns.size()];
                  for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                  }
                  stored.put(key(row[0]), row);
                },
                chunk.toArray()));
    for (Object id : ids) {
      Row r = t.rows.get(id);
      r.image = stored.get(id);
      r.known = true;
      for (Pending step : r.pending) {
        if (step instanceof Update u) {
          if (r.image == null) {
            throw new MissingRowException(u.mustTouch());
          }
          set(r, u.columns(), u.values());
        } else if (step instanceof Delete d) {
          if (r.image == null && d.mustTouch() != null) {
            throw new MissingRowException(d.mustTouch());
          }
          r.image = null;
          r.dirty = false;
          r.deleteStored = true;
        } else {
          DeleteIf d = (DeleteIf) step;
          if (r.image != null && matches(r.image[d.column()], d.value())) {
            r.image = null;
            r.dirty = false;
            r.deleteStored = true;
          }
        }
      }
      r.pending = null;
    }
  }

  private static void set(Row r, int[] columns, Object[] values) {
    for (int i = 0; i < columns.length; i++) {
      r.image[columns[i]] = values[i];
    }
    r.dirty = true;
  }

  private static List<Pending> pending(Row r) {
    if (r.pending == null) {
      r.pending = new ArrayList<>(2);
    }
    return r.pending;
  }

  private static boolean matches(Object stored, long value) {
    return stored instanceof Number n && n.longValue() == value;
  }

  private static void inChunks(List<Object> values, java.util.function.Consumer<List<Object>> run) {
    for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
      run.accept(values.subList(from, Math.min(values.size(), from + ROWS_PER_STATEMENT)));
    }
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
