package org.mailledger.ops.verify;

import java.util.Map;

/**
 * One way a live row differs from the folded one.
 *
 * @param kind {@code missing} (folded, not live), {@code extra} (live, not folded) or {@code
 *     changed} (a column's value)
 * @param column the changed column; null for a missing or extra row
 * @param row the whole row (expected for missing, actual for extra); null for a change
 */
public record Difference(
    String kind,
    String table,
    long id,
    String label,
    String column,
    Object expected,
    Object actual,
    Map<String, Object> row) {

  @Override
  public String toString() {
    String where = table + " id=" + id + (label == null ? "" : " (" + label + ")");
    return switch (kind) {
      case "missing" -> "missing  " + where + ": expected " + Comparison.show(row);
      case "extra" -> "extra    " + where + ": actual " + Comparison.show(row);
      default ->
          "changed  "
              + where
              + " "
              + column
              + ": expected "
              + Comparison.show(column, expected)
              + ", actual "
              + Comparison.show(column, actual);
    };
  }
}
