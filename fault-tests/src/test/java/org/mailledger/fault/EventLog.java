package org.mailledger.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the event store straight from the database: what was really appended, and by whom. */
final class EventLog {

  private final String url;
  private final String user;
  private final String password;

  EventLog(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  long count() {
    return query("SELECT count(*) FROM domain_event_entry", r -> r.getLong(1)).get(0);
  }

  /** The simple payload type of each event, per correlation id, in log order. */
  Map<String, List<String>> eventsByCorrelationId() {
    Map<String, List<String>> events = new HashMap<>();
    query(
            "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId', payload_type"
                + " FROM domain_event_entry ORDER BY global_index",
            r -> new String[] {r.getString(1), r.getString(2)})
        .forEach(
            row ->
                events
                    .computeIfAbsent(String.valueOf(row[0]), k -> new ArrayList<>())
                    .add(row[1].substring(row[1].lastIndexOf('.') + 1)));
    return events;
  }

  interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  <T> List<T> query(String sql, Row<T> row) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(row.map(r));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
