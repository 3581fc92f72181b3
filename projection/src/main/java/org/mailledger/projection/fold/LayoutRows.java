package org.mailledger.projection.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a layout's tables (and views): per table in {@link LayoutTables#compared()} order,
 * rows by their key in key order, each row its columns in table order with normalised values
 * ({@link LayoutTables#normalise}). Folded and live rows both take this form, so comparing is map
 * equality. Keys are the tables' own: ids in {@code mum} and {@code dinomail}, PostfixAdmin's
 * natural keys (domain name, username, address) in {@code postfixadmin}.
 */
public final class LayoutRows {

  private final LayoutTables layout;
  private final Map<String, TreeMap<Object, Map<String, Object>>> tables = new LinkedHashMap<>();

  public LayoutRows(LayoutTables layout) {
    this.layout = layout;
    for (String table : layout.compared()) {
      tables.put(table, new TreeMap<>());
    }
  }

  /** A copy whose rows can change without changing these. */
  public LayoutRows copy() {
    LayoutRows copy = new LayoutRows(layout);
    tables.forEach(
        (table, byKey) ->
            byKey.forEach((key, row) -> copy.table(table).put(key, new LinkedHashMap<>(row))));
    return copy;
  }

  public LayoutTables layout() {
    return layout;
  }

  /** The rows of {@code table} by key; live, so a fold can change them. */
  public TreeMap<Object, Map<String, Object>> table(String table) {
    TreeMap<Object, Map<String, Object>> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("no " + layout.layout() + " table " + table);
    }
    return rows;
  }

  /** Puts a row given as its column values in table order, normalising them. */
  public Map<String, Object> put(String table, Object... values) {
    List<String> columns = layout.columns(table);
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + " has " + columns.size() + " columns");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i), layout.normalise(columns.get(i), values[i]));
    }
    table(table).put(row.get(layout.key(table)), row);
    return row;
  }

  /**
   * Cuts every point in time down to whole {@code unit}s, as a column that keeps no finer ones
   * (MariaDB's DATETIME keeps whole seconds) holds them.
   */
  public void truncateTimes(ChronoUnit unit) {
    for (var table : tables.values()) {
      for (Map<String, Object> row : table.values()) {
        row.replaceAll(
            (column, value) -> value instanceof Instant time ? time.truncatedTo(unit) : value);
      }
    }
  }

  /** How many rows the layout's tables hold, views left out. */
  public int size() {
    return layout.tables().stream().mapToInt(t -> tables.get(t).size()).sum();
  }

  public Map<String, TreeMap<Object, Map<String, Object>>> tables() {
    return tables;
  }
}
