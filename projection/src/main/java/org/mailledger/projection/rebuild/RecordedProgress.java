package org.mailledger.projection.rebuild;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A layout's row in {@code layout_rebuild_progress}: the token the shadow tables stand at, written
 * in the same transaction as each page, so an interrupted rebuild resumes exactly there. Serialized
 * with the live processor's token serializer, the one its token store reads.
 */
final class RecordedProgress {

  private final JdbcTemplate jdbc;
  private final Serializer tokenSerializer;
  private final String layout;

  RecordedProgress(JdbcTemplate jdbc, Serializer tokenSerializer, String layout) {
    this.jdbc = jdbc;
    this.tokenSerializer = tokenSerializer;
    this.layout = layout;
  }

  void record(TrackingToken token) {
    SerializedObject<String> serialized = tokenSerializer.serialize(token, String.class);
    int updated =
        jdbc.update(
            "UPDATE layout_rebuild_progress SET position = ?, token_type = ?, token = ?, updated = ?"
                + " WHERE layout = ?",
            LayoutRebuilder.position(token),
            serialized.getType().getName(),
            serialized.getData(),
            Instant.now().toString(),
            layout);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO layout_rebuild_progress (layout, position, token_type, token, updated)"
              + " VALUES (?, ?, ?, ?, ?)",
          layout,
          LayoutRebuilder.position(token),
          serialized.getType().getName(),
          serialized.getData(),
          Instant.now().toString());
    }
  }

  Optional<TrackingToken> recorded() {
    return jdbc
        .query(
            "SELECT token_type, token FROM layout_rebuild_progress WHERE layout = ?",
            (rs, i) ->
                (TrackingToken)
                    tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(
                            rs.getString(2), String.class, rs.getString(1), null)),
            layout)
        .stream()
        .findFirst();
  }

  void clear() {
    jdbc.update("DELETE FROM layout_rebuild_progress WHERE layout = ?", layout);
  }

  /**
   * Records why the rebuild failed, in {@code layout_rebuild_failure}, for the status of every
   * process; replaces an earlier failure. The message is cut to the column's 2,000 characters.
   */
  void recordFailure(String message) {
    String text = message == null ? "failed without a message" : message;
    String cut = text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    clearFailure();
    jdbc.update(
        "INSERT INTO layout_rebuild_failure (layout, failed, message) VALUES (?, ?, ?)",
        layout,
        Instant.now().toString(),
        cut);
  }

  /** A new rebuild starts: the last one's failure is history. */
  void clearFailure() {
    jdbc.update("DELETE FROM layout_rebuild_failure WHERE layout = ?", layout);
  }
}
