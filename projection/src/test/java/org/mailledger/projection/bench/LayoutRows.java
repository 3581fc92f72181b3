package org.mailledger.projection.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of the six mum tables held in memory, written back without the projection: the practical
 * limit a replay is compared with. Same database, same tables, same indexes and foreign keys, same
 * rows; only the way of writing them differs.
 */
final class LayoutRows {

  /** Parents before children, so the foreign keys hold while inserting. */
  static final List<String> TABLES =
      List.of(
          "domains", "mailboxes", "aliases", "alias_recipients", "alias_senders", "tls_policies");

  private record Table(String name, List<String> columns, int[] types, List<Object[]> rows) {}

  private final List<Table> tables;

  private LayoutRows(List<Table> tables) {
    this.tables = tables;
  }

  static LayoutRows read(DataSource dataSource) throws SQLException {
    List<Table> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String name : TABLES) {
        try (ResultSet r = s.executeQuery("SELECT * FROM " + name + " ORDER BY id")) {
          ResultSetMetaData meta = r.getMetaData();
          List<String> columns = new ArrayList<>();
          int[] types = new int[meta.getColumnCount()];
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnName(i));
            types[i - 1] = meta.getColumnType(i);
          }
          List<Object[]> rows = new ArrayList<>();
          while (r.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = r.getObject(i + 1);
            }
            rows.add(row);
          }
          tables.add(new Table(name, columns, types, rows));
        }
      }
    }
    return new LayoutRows(tables);
  }

  /**
   * As many rows as {@code target} (whole copies, so within one copy of it), in the same tables:
   * copy {@code k} of every row gets ids and parent ids moved by {@code k << 52}, a name-based UUID
   * of k and the aggregate id and a domain name prefixed {@code c<k>-}, so every unique key and
   * foreign key holds. The reference the issue names for the rebuild: a multi-row INSERT of as many
   * rows as the log has events.
   */
  LayoutRows copiesUpTo(long target) {
    long perCopy = rowCount();
    int copies = (int) Math.max(1, Math.round((double) target / Math.max(1, perCopy)));
    List<Table> scaled = new ArrayList<>();
    for (Table table : tables) {
      List<Object[]> rows = new ArrayList<>(table.rows().size() * copies);
      for (int k = 0; k < copies; k++) {
        for (Object[] row : table.rows()) {
          rows.add(copy(table, row, k));
        }
      }
      scaled.add(new Table(table.name(), table.columns(), table.types(), rows));
    }
    return new LayoutRows(scaled);
  }

  private static Object[] copy(Table table, Object[] row, int k) {
    if (k == 0) {
      return row;
    }
    Object[] out = row.clone();
    for (int col = 0; col < out.length; col++) {
      String column = table.columns().get(col).toLowerCase(java.util.Locale.ROOT);
      Object value = out[col];
      if (value == null) {
        continue;
      }
      if (column.equals("id") || (column.endsWith("_id") && value instanceof Number)) {
        out[col] = ((Number) value).longValue() ^ ((long) k << 52);
      } else if (column.equals("aggregate_id")) {
        // A name-based UUID of copy and id: as long as the original, distinct from every other.
        out[col] =
            java.util
                .UUID
                .nameUUIDFromBytes(
                    (k + ":" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
      } else if (column.equals("domain")) {
        out[col] = "c" + k + "-" + value;
      }
    }
    return out;
  }

  long rowCount() {
    return tables.stream().mapToLong(t -> t.rows().size()).sum();
  }

  /** Rows per table, in insert order, for the report. */
  Map<String, Integer> rowsPerTable() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    tables.forEach(t -> counts.put(t.name(), t.rows().size()));
    return counts;
  }

  /** Row count and a hash over every row's text, per table: equal tables give equal sums. */
  static Map<String, String> checksums(JdbcTemplate jdbc) {
    Map<String, String> sums = new LinkedHashMap<>();
    if (!postgres(jdbc)) {
      // MySQL has no hashtext: the rows' text hashed here, in id order.
      for (String table : TABLES) {
        long[] sum = new long[2];
        jdbc.query(
            "SELECT * FROM " + table + " ORDER BY id",
            (ResultSet r) -> {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.append(r.getString(i)).append('|');
              }
              sum[0]++;
              sum[1] = sum[1] * 31 + row.toString().hashCode();
            });
        sums.put(table, sum[0] + ":" + sum[1]);
      }
      return sums;
    }
    for (String table : TABLES) {
      sums.put(
          table,
          jdbc.queryForObject(
              "SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM "
                  + table
                  + " t",
              String.class));
    }
    return sums;
  }

  /** Outside the timing: an empty start for each reference round, as the replay's reset gives. */
  static void truncate(JdbcTemplate jdbc) {
    if (!postgres(jdbc)) {
      for (String table :
          List.of(
              "alias_senders",
              "alias_recipients",
              "aliases",
              "mailboxes",
              "domains",
              "tls_policies")) {
        jdbc.execute("DELETE FROM " + table);
      }
      return;
    }
    jdbc.execute(
        "TRUNCATE alias_senders, alias_recipients, aliases, mailboxes, domains, tls_policies");
  }

  static boolean postgres(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  /**
   * Multi-row INSERT statements of {@code rowsPerStatement} rows, each committed on its own
   * (auto-commit), so a transaction carries about as many rows as a replay batch does.
   */
  void insertMultiRow(DataSource dataSource, int rowsPerStatement) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      for (Table table : tables) {
        String head =
            "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ";
        String tuple =
            "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        PreparedStatement full = null;
        try {
          List<Object[]> rows = table.rows();
          for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            int count = Math.min(rowsPerStatement, rows.size() - from);
            PreparedStatement statement;
            if (count == rowsPerStatement) {
              // One statement text for every full chunk, so the driver prepares it on the server.
              if (full == null) {
                full =
                    c.prepareStatement(head + String.join(", ", Collections.nCopies(count, tuple)));
              }
              statement = full;
            } else {
              statement =
                  c.prepareStatement(head + String.join(", ", Collections.nCopies(count, tuple)));
            }
            int p = 1;
            for (int i = from; i < from + count; i++) {
              Object[] row = rows.get(i);
              for (int col = 0; col < row.length; col++, p++) {
                if (row[col] == null) {
                  statement.setNull(p, table.types()[col]);
                } else {
                  statement.setObject(p, row[col]);
                }
              }
            }
            statement.executeUpdate();
            if (statement != full) {
              statement.close();
            }
          }
        } finally {
          if (full != null) {
            full.close();
          }
        }
      }
    }
  }

  /** COPY FROM STDIN in text format, one COPY (and transaction) per table. */
  void copy(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      PGConnection pg = c.unwrap(PGConnection.class);
      for (Table table : tables) {
        StringBuilder text = new StringBuilder(table.rows().size() * 160);
        for (Object[] row : table.rows()) {
          for (int col = 0; col < row.length; col++) {
            if (col > 0) {
              text.append('\t');
            }
            appendCopyValue(text, row[col]);
          }
          text.append('\n');
        }
        pg.getCopyAPI()
            .copyIn(
                "COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN",
                new StringReader(text.toString()));
      }
    }
  }

  private static void appendCopyValue(StringBuilder text, Object value) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof Boolean b) {
      text.append(b ? 't' : 'f');
    } else {
      String s = value.toString();
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(ch);
        }
      }
    }
  }
}
