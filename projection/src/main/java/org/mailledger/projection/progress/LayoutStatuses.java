package org.mailledger.projection.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.rebuild.ProjectionStatus;

/**
 * Any kept layout's place in the log for {@code GET /projections}, from its own processor and its
 * rows in {@code layout_token_entry}: position, head, lag in events and milliseconds, and state
 * ({@code running}, {@code stopped} or {@code error}). Layouts that can be rebuilt report {@code
 * rebuilding} through the rebuild's own status instead.
 */
public class LayoutStatuses {

  private final EventProcessingConfiguration processing;
  private final LayoutProgress progress;
  private final LookupDatabase lookup;
  private final EventStorageEngine events;
  private final Serializer tokenSerializer;

  public LayoutStatuses(
      EventProcessingConfiguration processing,
      LayoutProgress progress,
      LookupDatabase lookup,
      EventStorageEngine events,
      Serializer tokenSerializer) {
    this.processing = processing;
    this.progress = progress;
    this.lookup = lookup;
    this.events = events;
    this.tokenSerializer = tokenSerializer;
  }

  public ProjectionStatus of(String layout) {
    String group = "layout-" + layout;
    long head = progress.head();
    StreamingEventProcessor processor =
        processing
            .eventProcessor(group, StreamingEventProcessor.class)
            .orElseThrow(() -> new IllegalArgumentException("no layout " + layout + " is kept"));
    OptionalLong live = processor.isRunning() ? progress.position(group) : OptionalLong.empty();
    long position = live.isPresent() ? live.getAsLong() : storedPosition(group);
    long lag = Math.max(0, head - position);
    return new ProjectionStatus(
        layout, position, head, lag, lagMs(position, lag), state(processor));
  }

  private static String state(StreamingEventProcessor processor) {
    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
    if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return "error";
    }
    return processor.isRunning() ? "running" : "stopped";
  }

  /** The lowest position over the segments' stored tokens: what every segment has applied. */
  private long storedPosition(String group) {
    List<Long> positions =
        lookup
            .jdbc()
            .query(
                "SELECT token_type, token FROM layout_token_entry WHERE processor_name = ?",
                (rs, i) -> {
                  String type = rs.getString(1);
                  byte[] data = rs.getBytes(2);
                  if (type == null || data == null) {
                    return 0L;
                  }
                  TrackingToken token =
                      tokenSerializer.deserialize(
                          new SimpleSerializedObject<>(data, byte[].class, type, null));
                  return token.position().orElse(0);
                },
                group);
    return positions.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private long lagMs(long position, long lag) {
    if (lag == 0) {
      return 0;
    }
    // The JDBC engine reads on from gap-aware tokens only.
    TrackingToken after = GapAwareTrackingToken.newInstance(position, List.of());
    try (var stream = events.readEvents(after, false)) {
      return stream
          .findFirst()
          .map(TrackedEventMessage::getTimestamp)
          .map(at -> Math.max(0, Duration.between(at, Instant.now()).toMillis()))
          .orElse(0L);
    }
  }
}
