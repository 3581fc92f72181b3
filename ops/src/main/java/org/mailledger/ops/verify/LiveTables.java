package org.mailledger.ops.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LayoutTables;
import org.mailledger.projection.mum.MumLayout;

/**
 * A layout's live tables (and views) and the position they have applied, read in one
 * repeatable-read transaction: the projection commits its token with its rows, so one snapshot
 * gives rows and position that belong together even while the projection keeps writing.
 *
 * @param mysql whether the lookup database is MySQL/MariaDB, whose DATETIME keeps whole seconds
 */
public record LiveTables(LayoutRows rows, AppliedPosition applied, boolean mysql) {

  /** The live {@code mum} tables. */
  public static LiveTables read(DataSource lookup) {
    return read(lookup, FoldedLayout.of(MumLayout.NAME, ""));
  }

  public static LiveTables read(DataSource lookup, FoldedLayout layout) {
    try (Connection c = lookup.getConnection()) {
      boolean mysql =
          c.getMetaData()
              .getDatabaseProductName()
              .toLowerCase(Locale.ROOT)
              .matches("mysql|mariadb");
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        AppliedPosition applied = TokenReader.read(c, layout.processor(), layout.policy());
        LayoutRows rows = new LayoutRows(layout.tables());
        for (String table : layout.tables().compared()) {
          readTable(c, layout.tables(), table, rows);
        }
        return new LiveTables(rows, applied, mysql);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the lookup tables: " + e.getMessage(), e);
    }
  }

  private static void readTable(Connection c, LayoutTables layout, String table, LayoutRows rows)
      throws SQLException {
    List<String> columns = layout.columns(table);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Object[] values = new Object[columns.size()];
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          int at = columns.indexOf(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
          if (at >= 0) {
            values[at] = rs.getObject(i);
          }
        }
        rows.put(table, values);
      }
    }
  }
}
