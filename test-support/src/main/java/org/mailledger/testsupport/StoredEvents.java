package org.mailledger.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rows of the event store's {@code domain_event_entry} as tests look at them, read with plain
 * SQL that PostgreSQL and MySQL/MariaDB share; payload and metadata decoded as the UTF-8 JSON they
 * are, so tests search them in Java rather than with one engine's string functions.
 */
public final class StoredEvents {

  /** One stored event; {@code metaData} is empty when the row has none. */
  public record Row(long globalIndex, String payloadType, String payload, String metaData) {

    /** The payload type without its package: {@code MailboxCreatedEvent}. */
    public String simpleType() {
      return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** Whether the payload or the metadata holds {@code text} anywhere. */
    public boolean mentions(String text) {
      return payload.contains(text) || metaData.contains(text);
    }
  }

  private StoredEvents() {}

  /** Every event after {@code afterGlobalIndex}, in log order. */
  public static List<Row> after(DataSource dataSource, long afterGlobalIndex) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT global_index, payload_type, payload, meta_data FROM domain_event_entry"
                    + " WHERE global_index > ? ORDER BY global_index")) {
      select.setLong(1, afterGlobalIndex);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byte[] metaData = rs.getBytes(4);
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  new String(rs.getBytes(3), StandardCharsets.UTF_8),
                  metaData == null ? "" : new String(metaData, StandardCharsets.UTF_8)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read domain_event_entry: " + e.getMessage(), e);
    }
  }

  /** Every event of the log, in log order. */
  public static List<Row> all(DataSource dataSource) {
    return after(dataSource, Long.MIN_VALUE);
  }
}
