package org.mailledger.projection.lookup;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An insert-or-update of whole rows by their primary key, the first column ({@code id} in most
 * layouts, a natural key such as PostfixAdmin's {@code username} in others), in the dialect's
 * syntax, for one row or many in one statement (what makes a replay's writes cheap for the
 * database).
 */
public record Upsert(Dialect dialect, String table, List<String> columns) {

  public Upsert {
    if (columns.size() < 2) {
      throw new IllegalArgumentException("an upsert needs the key and at least one more column");
    }
    columns = List.copyOf(columns);
  }

  /** The primary key column. */
  public String key() {
    return columns.get(0);
  }

  /** The statement for {@code rows} rows, parameters row after row in column order. */
  public String sql(int rows) {
    String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    String values = String.join(", ", Collections.nCopies(rows, row));
    List<String> updated = columns.subList(1, columns.size());
    String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES " + values;
    if (dialect == Dialect.POSTGRESQL) {
      return head
          + " ON CONFLICT ("
          + key()
          + ") DO UPDATE SET "
          + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    }
    return head
        + " ON DUPLICATE KEY UPDATE "
        + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
  }

  /** {@code UPDATE table SET c1 = ?, c2 = ? WHERE id = ?}: the values, then the id. */
  public String updateSql(List<String> set) {
    return "UPDATE "
        + table
        + " SET "
        + set.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
        + " WHERE id = ?";
  }

  /** The position of {@code column} in a row, for those that change rows in memory. */
  public int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(table + " has no column " + column);
    }
    return i;
  }
}
