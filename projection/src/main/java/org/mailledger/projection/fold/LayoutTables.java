package org.mailledger.projection.fold;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layout's tables as the tools see them: the columns of each table in table order, the column
 * that keys its rows, which columns are flags and which are points in time, and the one normal form
 * in which folded and live values compare: whole numbers as {@link Long}, flags as {@link Boolean}
 * (MySQL hands TINYINT(1) back as a number), points in time as {@link Instant} (a MySQL DATETIME is
 * read as UTC, which is how the layouts write it), text as {@link String}, SQL NULL as null.
 *
 * @param tables the tables the layout owns, parents first: what export writes
 * @param views views over those tables that verify compares as well; never exported
 * @param columns every table's and view's columns
 * @param keys the column that keys each table's and view's rows
 */
public record LayoutTables(
    String layout,
    List<String> tables,
    List<String> views,
    Map<String, List<String>> columns,
    Map<String, String> keys,
    Set<String> flags,
    Set<String> times) {

  public LayoutTables {
    tables = List.copyOf(tables);
    views = List.copyOf(views);
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    keys = Map.copyOf(keys);
    flags = Set.copyOf(flags);
    times = Set.copyOf(times);
  }

  /** The tables, then the views: everything verify compares. */
  public List<String> compared() {
    return java.util.stream.Stream.concat(tables.stream(), views.stream()).toList();
  }

  public List<String> columns(String table) {
    List<String> of = columns.get(table);
    if (of == null) {
      throw new IllegalArgumentException("no " + layout + " table " + table);
    }
    return of;
  }

  public String key(String table) {
    return keys.get(table);
  }

  /** A value of {@code column} in the form folded rows hold, whichever database it came from. */
  public Object normalise(String column, Object value) {
    if (value == null) {
      return null;
    }
    if (flags.contains(column)) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      if (value instanceof Number number) {
        return number.longValue() != 0;
      }
      return "1".equals(value.toString()) || "true".equalsIgnoreCase(value.toString());
    }
    if (times.contains(column)) {
      return instant(value);
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value.toString();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    return Instant.parse(value.toString());
  }
}
