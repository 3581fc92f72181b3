package org.mailledger.projection.fold;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the log straight from {@code domain_event_entry}, in global_index order and in pages, so a
 * log of millions of events never sits in memory at once. Reading the table rather than going
 * through Axon keeps the tools that use it free of a running event store, and keeps the cross-check
 * independent of the code it checks.
 */
public final class EventLog {

  static final int PAGE = 1000;

  private final DataSource dataSource;

  public EventLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Axon writes time stamps as fixed-width UTC text, so text order is time order. */
  public static String timeStamp(Instant instant) {
    // Truncated first: a bound finer than the stored milliseconds would not compare as text.
    return DateTimeUtils.formatInstant(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The global index of the newest event, 0 for an empty log. */
  public long head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st =
            c.prepareStatement("SELECT MAX(global_index) FROM domain_event_entry");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the event log: " + e.getMessage(), e);
    }
  }

  /** Hands every event in {@code range} to {@code sink}, oldest first. */
  public void forEach(LogRange range, Consumer<StoredEvent> sink) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT global_index, time_stamp, payload_type, aggregate_identifier, sequence_number,"
                + " payload, meta_data FROM domain_event_entry WHERE global_index > ?");
    List<Object> bounds = new ArrayList<>();
    if (range.upTo() != null) {
      sql.append(" AND global_index <= ?");
      bounds.add(range.upTo());
    }
    if (range.from() != null) {
      sql.append(" AND time_stamp >= ?");
      bounds.add(timeStamp(range.from()));
    }
    if (range.to() != null) {
      sql.append(" AND time_stamp <= ?");
      bounds.add(timeStamp(range.to()));
    }
    sql.append(" ORDER BY global_index LIMIT ").append(PAGE);
    long after = range.after() == null ? -1 : range.after();
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql.toString())) {
      while (true) {
        st.setLong(1, after);
        for (int i = 0; i < bounds.size(); i++) {
          st.setObject(i + 2, bounds.get(i));
        }
        int read = 0;
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            StoredEvent event =
                new StoredEvent(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getBytes(6),
                    rs.getBytes(7));
            after = event.position();
            read++;
            sink.accept(event);
          }
        }
        if (read < PAGE) {
          return;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the event log: " + e.getMessage(), e);
    }
  }
}
