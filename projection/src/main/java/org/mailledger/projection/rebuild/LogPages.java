package org.mailledger.projection.rebuild;

import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Reads the log for a rebuild in big pages with plain JDBC and decodes the payloads on several
 * threads, while the caller applies the page before: the fast path, used when no upcaster is
 * configured (with one, the rebuild reads through Axon's storage engine instead).
 *
 * <p>Only the columns a layout needs are read (payload and time stamp, no metadata). Payloads are
 * decoded with the event serializer's own Jackson {@code ObjectMapper}, so they come out exactly as
 * the live processor gets them. The position is Axon's {@link GapAwareTrackingToken}, advanced as
 * the JDBC storage engine advances it (same lowest sequence, same maximum gap offset), and every
 * page asks again for the gaps it holds: an event whose transaction committed late is applied when
 * it appears, not skipped.
 */
final class LogPages {

  /** As {@code JdbcEventStorageEngine}'s defaults. */
  static final int MAX_GAP_OFFSET = 10_000;

  private static final long LOWEST_GLOBAL_SEQUENCE = 1;

  /**
   * One page: its payloads in log order (null for a type the serializer does not know), and when
   * each was appended (layouts that keep creation and change times write them).
   */
  record Page(List<Object> payloads, List<Instant> timestamps, TrackingToken token, boolean last) {}

  private record Raw(long index, String type, String revision, byte[] payload, Instant timestamp) {}

  private final DataSource dataSource;
  private final EventSchema schema;
  private final Serializer serializer;
  private final Map<String, ObjectReader> readers = new ConcurrentHashMap<>();

  LogPages(DataSource dataSource, EventSchema schema, Serializer serializer) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.serializer = serializer;
  }

  /**
   * Starts reading after {@code token} up to what the log holds when the reads get there; pages are
   * taken in order from the returned queue, the last one marked. The reading thread stops on an
   * interrupt.
   *
   * @param decoders where payloads are decoded, several pages' worth at once
   */
  Reading read(TrackingToken token, int pageSize, ExecutorService decoders) {
    Reading reading = new Reading();
    Thread thread =
        new Thread(
            () -> {
              try {
                GapAwareTrackingToken position = (GapAwareTrackingToken) token;
                while (true) {
                  List<Raw> rows = fetch(position, pageSize);
                  for (Raw row : rows) {
                    position = advance(position, row.index());
                  }
                  CompletableFuture<List<Object>> payloads = decode(rows, decoders);
                  List<Instant> timestamps = rows.stream().map(Raw::timestamp).toList();
                  boolean last = rows.size() < pageSize;
                  reading.queue.put(new Pending(payloads, timestamps, position, last, null));
                  if (last) {
                    return;
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException | Error e) {
                reading.queue.offer(new Pending(null, null, null, true, e));
              }
            },
            "rebuild-log-reader");
    thread.setDaemon(true);
    reading.thread = thread;
    thread.start();
    return reading;
  }

  private record Pending(
      CompletableFuture<List<Object>> payloads,
      List<Instant> timestamps,
      TrackingToken token,
      boolean last,
      Throwable failure) {}

  /** Pages on their way: a few read ahead, decoding while the one before is applied. */
  final class Reading implements AutoCloseable {
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(3);
    private Thread thread;

    Page next() throws InterruptedException {
      Pending p = queue.take();
      if (p.failure() != null) {
        throw p.failure() instanceof RuntimeException r
            ? r
            : new IllegalStateException(p.failure());
      }
      try {
        return new Page(p.payloads().get(), p.timestamps(), p.token(), p.last());
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("cannot decode an event: " + e.getCause(), e.getCause());
      }
    }

    @Override
    public void close() {
      thread.interrupt();
      queue.clear();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static GapAwareTrackingToken advance(GapAwareTrackingToken token, long index) {
    if (token == null) {
      return GapAwareTrackingToken.newInstance(
          index, LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, index), index).boxed().toList());
    }
    return token.advanceTo(index, MAX_GAP_OFFSET);
  }

  private List<Raw> fetch(GapAwareTrackingToken after, int limit) {
    List<Long> gaps = after == null ? List.of() : List.copyOf(after.getGaps());
    String sql =
        "SELECT "
            + schema.globalIndexColumn()
            + ", "
            + schema.payloadTypeColumn()
            + ", "
            + schema.payloadRevisionColumn()
            + ", "
            + schema.payloadColumn()
            + ", "
            + schema.timestampColumn()
            + " FROM "
            + schema.domainEventTable()
            + " WHERE "
            + schema.globalIndexColumn()
            + " > ?"
            + (gaps.isEmpty()
                ? ""
                : " OR "
                    + schema.globalIndexColumn()
                    + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(gaps.size(), "?"))
                    + ")")
            + " ORDER BY "
            + schema.globalIndexColumn()
            + " LIMIT "
            + limit;
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, after == null ? -1 : after.getIndex());
      for (int i = 0; i < gaps.size(); i++) {
        st.setLong(i + 2, gaps.get(i));
      }
      st.setFetchSize(limit);
      List<Raw> rows = new ArrayList<>(limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Raw(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBytes(4),
                  // As the JDBC storage engine reads the column, so the same instant as live.
                  DateTimeUtils.parseInstant(rs.getString(5))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the event log: " + e.getMessage(), e);
    }
  }

  /** Decodes in slices on the pool; the future holds the payloads in log order. */
  private CompletableFuture<List<Object>> decode(List<Raw> rows, ExecutorService decoders) {
    int slices = 4;
    int size = (rows.size() + slices - 1) / slices;
    List<CompletableFuture<List<Object>>> parts = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += Math.max(1, size)) {
      List<Raw> slice = rows.subList(from, Math.min(rows.size(), from + size));
      parts.add(
          CompletableFuture.supplyAsync(
              () -> {
                List<Object> out = new ArrayList<>(slice.size());
                for (Raw raw : slice) {
                  out.add(payload(raw));
                }
                return out;
              },
              decoders));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<Object> all = new ArrayList<>(rows.size());
              parts.forEach(p -> all.addAll(p.join()));
              return all;
            });
  }

  private Object payload(Raw raw) {
    if (serializer instanceof JacksonSerializer jackson) {
      ObjectReader reader =
          readers.computeIfAbsent(
              raw.type() + "#" + raw.revision(),
              key -> {
                Class<?> type = serializer.classForType(type(raw));
                return UnknownSerializedType.class.equals(type)
                    ? null
                    : jackson.getObjectMapper().readerFor(type);
              });
      if (reader == null) {
        return null;
      }
      try {
        return reader.readValue(raw.payload());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "cannot decode event " + raw.index() + " (" + raw.type() + "): " + e.getMessage(), e);
      }
    }
    if (UnknownSerializedType.class.equals(serializer.classForType(type(raw)))) {
      return null;
    }
    return serializer.deserialize(
        new SimpleSerializedObject<>(raw.payload(), byte[].class, type(raw)));
  }

  private static SerializedType type(Raw raw) {
    return new SimpleSerializedType(raw.type(), raw.revision());
  }
}
