package org.mailledger.projection.fold;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of the six {@code mum} tables: per table (in {@link MumTables#TABLES} order), rows by id
 * in id order, each row its columns in table order with normalised values ({@link
 * MumTables#normalise}). Folded and live rows both take this form, so comparing is map equality.
 */
public final class MumRows {

  private final Map<String, TreeMap<Long, Map<String, Object>>> tables = new LinkedHashMap<>();

  public MumRows() {
    for (String table : MumTables.TABLES) {
      tables.put(table, new TreeMap<>());
    }
  }

  /** The rows of {@code table} by id; live, so the fold can change them. */
  public TreeMap<Long, Map<String, Object>> table(String table) {
    TreeMap<Long, Map<String, Object>> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("no mum table " + table);
    }
    return rows;
  }

  /** Puts a row given as its column values in table order, normalising them. */
  public void put(String table, Object... values) {
    var columns = MumTables.COLUMNS.get(table);
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + " has " + columns.size() + " columns");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i), MumTables.normalise(columns.get(i), values[i]));
    }
    table(table).put((Long) row.get("id"), row);
  }

  public int size() {
    return tables.values().stream().mapToInt(Map::size).sum();
  }

  public Map<String, TreeMap<Long, Map<String, Object>>> tables() {
    return tables;
  }
}
