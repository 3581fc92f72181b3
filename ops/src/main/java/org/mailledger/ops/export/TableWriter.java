package org.mailledger.ops.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mailledger.ops.config.SqlDialect;
import org.mailledger.projection.fold.LayoutRows;

/**
 * Renders a layout's rows as SQL INSERT statements or CSV, in a dialect's spelling: flags TRUE and
 * FALSE on PostgreSQL, 1 and 0 on MySQL/MariaDB (whose MUM queries test {@code x = 1}); points in
 * time with milliseconds and the UTC offset on PostgreSQL (timestamptz), in whole seconds UTC on
 * MySQL/MariaDB (DATETIME, as the layouts write it there). Only tables: a layout's views (dinomail)
 * come from its migrations and show the loaded rows.
 */
public final class TableWriter {

  private static final DateTimeFormatter POSTGRESQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MYSQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private TableWriter() {}

  /** One INSERT per row, table after table, parents first so foreign keys hold on load. */
  public static String sql(LayoutRows rows, SqlDialect dialect) {
    StringBuilder sql = new StringBuilder();
    for (String table : rows.layout().tables()) {
      List<String> columns = rows.layout().columns(table);
      sql.append("\n-- ")
          .append(table)
          .append(": ")
          .append(rows.table(table).size())
          .append(" rows\n");
      for (Map<String, Object> row : rows.table(table).values()) {
        sql.append("INSERT INTO ")
            .append(table)
            .append(" (")
            .append(String.join(", ", columns))
            .append(") VALUES (")
            .append(
                columns.stream()
                    .map(c -> literal(row.get(c), dialect))
                    .collect(Collectors.joining(", ")))
            .append(");\n");
      }
    }
    return sql.toString();
  }

  /**
   * One table as CSV with a header line (RFC 4180): NULL is an empty field, the empty string a
   * quoted {@code ""}, the distinction PostgreSQL's COPY ... CSV makes.
   */
  public static String csv(LayoutRows rows, String table, SqlDialect dialect) {
    List<String> columns = rows.layout().columns(table);
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (Map<String, Object> row : rows.table(table).values()) {
      csv.append(
              columns.stream()
                  .map(c -> csvField(row.get(c), dialect))
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String literal(Object value, SqlDialect dialect) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Boolean flag) {
      return flag(flag, dialect);
    }
    if (value instanceof Number) {
      return value.toString();
    }
    if (value instanceof Instant time) {
      return "'" + time(time, dialect) + "'";
    }
    String text = value.toString().replace("'", "''");
    if (dialect == SqlDialect.MYSQL) {
      // MySQL reads a backslash in a literal as an escape unless NO_BACKSLASH_ESCAPES is set.
      text = text.replace("\\", "\\\\");
    }
    return "'" + text + "'";
  }

  private static String csvField(Object value, SqlDialect dialect) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean flag) {
      return dialect == SqlDialect.MYSQL ? (flag ? "1" : "0") : flag.toString();
    }
    String text = value instanceof Instant time ? time(time, dialect) : value.toString();
    if (text.isEmpty() || text.matches("(?s).*[,\"\r\n].*")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String time(Instant time, SqlDialect dialect) {
    return dialect == SqlDialect.MYSQL
        ? MYSQL_TIME.format(time.truncatedTo(ChronoUnit.SECONDS))
        : POSTGRESQL_TIME.format(time);
  }

  private static String flag(boolean flag, SqlDialect dialect) {
    if (dialect == SqlDialect.MYSQL) {
      return flag ? "1" : "0";
    }
    return flag ? "TRUE" : "FALSE";
  }
}
