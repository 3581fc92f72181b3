package org.mailledger.ops.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.mailledger.projection.fold.MumRows;
import org.mailledger.projection.fold.MumTables;

/**
 * The live {@code mum} tables and the position they have applied, read in one repeatable-read
 * transaction: the projection commits its token with its rows, so one snapshot gives rows and
 * position that belong together even while the projection keeps writing.
 */
public record LiveTables(MumRows rows, AppliedPosition applied) {

  public static final String PROCESSOR = "layout-mum";

  public static LiveTables read(DataSource lookup) {
    try (Connection c = lookup.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        AppliedPosition applied = TokenReader.read(c, PROCESSOR);
        MumRows rows = new MumRows();
        for (String table : MumTables.TABLES) {
          readTable(c, table, rows);
        }
        return new LiveTables(rows, applied);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the lookup tables: " + e.getMessage(), e);
    }
  }

  private static void readTable(Connection c, String table, MumRows rows) throws SQLException {
    List<String> columns = MumTables.COLUMNS.get(table);
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
