package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.mum.MumLayoutProjection;
import org.mailledger.projection.progress.LayoutProgress;

/**
 * The layouts' positions, read from their token table rather than from the processor, so the answer
 * is the same in the app and in {@code ops status}, which runs no processor of its own.
 */
public class ProjectionStatuses {

  private final LayoutProgress progress;

  private final LookupDatabase lookup;
  private final EventStorageEngine events;
  private final Serializer serializer;
  private final EventProcessingConfiguration processing;
  private final Rebuilds rebuilds;

  public ProjectionStatuses(
      LookupDatabase lookup,
      EventStorageEngine events,
      Serializer serializer,
      EventProcessingConfiguration processing,
      Rebuilds rebuilds,
      LayoutProgress progress) {
    this.progress = progress;
    this.lookup = lookup;
    this.events = events;
    this.serializer = serializer;
    this.processing = processing;
    this.rebuilds = rebuilds;
  }

  public List<ProjectionStatus> all() {
    return List.of(of(LayoutRebuilder.LAYOUT).orElseThrow());
  }

  public Optional<ProjectionStatus> of(String layout) {
    if (!LayoutRebuilder.LAYOUT.equals(layout)) {
      return Optional.empty();
    }
    String group = MumLayoutProjection.GROUP;
    long head = LayoutRebuilder.position(events.createHeadToken());
    long position = livePosition(group).orElseGet(() -> storedPosition(group));
    long lag = Math.max(0, head - position);
    return Optional.of(
        new ProjectionStatus(layout, position, head, lag, lagMs(position, lag), state(group)));
  }

  private String state(String group) {
    if (rebuilds != null && rebuilds.state(LayoutRebuilder.LAYOUT) == Rebuilds.State.RUNNING) {
      return "rebuilding";
    }
    Optional<StreamingEventProcessor> processor =
        processing == null
            ? Optional.empty()
            : processing.eventProcessor(group, StreamingEventProcessor.class);
    if (processor.isEmpty()) {
      return ownedElsewhere(group) ? "running" : "stopped";
    }
    Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
    if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return "error";
    }
    return processor.get().isRunning() ? "running" : "stopped";
  }

  private boolean ownedElsewhere(String group) {
    return !lookup
        .jdbc()
        .queryForList(
            "SELECT owner FROM layout_token_entry WHERE processor_name = ? AND owner IS NOT NULL",
            String.class,
            group)
        .isEmpty();
  }

  /** The lowest position over the segments' stored tokens: what every segment has applied. */
  /**
   * In the app the processor's own status is the truth: a segment that had no event of its own
   * still advances there, while its stored token may stay behind until it writes again.
   */
  private java.util.Optional<Long> livePosition(String group) {
    if (progress == null || processing == null) {
      return java.util.Optional.empty();
    }
    boolean running =
        processing
            .eventProcessor(group, StreamingEventProcessor.class)
            .map(StreamingEventProcessor::isRunning)
            .orElse(false);
    if (!running) {
      return java.util.Optional.empty();
    }
    java.util.OptionalLong position = progress.position(group);
    return position.isPresent()
        ? java.util.Optional.of(position.getAsLong())
        : java.util.Optional.empty();
  }

  /** Outside the app (ops): the stored tokens, which may lag for segments without events. */
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
                  Object token =
                      serializer.deserialize(
                          new SimpleSerializedObject<>(data, byte[].class, type, null));
                  return LayoutRebuilder.position((TrackingToken) token);
                },
                group);
    return positions.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private long lagMs(long position, long lag) {
    if (lag == 0) {
      return 0;
    }
    // The JDBC engine reads on from gap-aware tokens only.
    TrackingToken after =
        org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(position, List.of());
    try (var stream = events.readEvents(after, false)) {
      return stream
          .findFirst()
          .map(TrackedEventMessage::getTimestamp)
          .map(at -> Math.max(0, Duration.between(at, Instant.now()).toMillis()))
          .orElse(0L);
    }
  }
}
