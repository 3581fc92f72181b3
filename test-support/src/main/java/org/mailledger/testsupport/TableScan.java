package org.mailledger.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Searches every column of a table for a text, on PostgreSQL and MySQL/MariaDB alike (binary
 * columns read as UTF-8): for tests that prove a secret reached no table.
 */
public final class TableScan {

  private TableScan() {}

  /** The tables of the database the data source connects to, sorted by name. */
  public static List<String> tables(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .getMetaData()
                .getTables(
                    connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      Collections.sort(tables);
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables: " + e.getMessage(), e);
    }
  }

  /** How many rows of {@code table} hold {@code text} in any column. */
  public static long rowsContaining(DataSource dataSource, String table, String text) {
    if (!table.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain table name: " + table);
    }
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      long found = 0;
      while (rs.next()) {
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          if (text(rs, meta, column).contains(text)) {
            found++;
            break;
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  private static String text(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
    switch (meta.getColumnType(column)) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
      }
      default -> {
        String value = rs.getString(column);
        return value == null ? "" : value;
      }
    }
  }
}
