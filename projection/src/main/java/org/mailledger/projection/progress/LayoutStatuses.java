package org.mailledger.projection.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
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
import org.springframework.dao.DataAccessException;

/**
 * Any kept layout's place in the log for {@code GET /projections}, from its own processor and its
 * rows in {@code layout_token_entry}: position, head, lag in events and milliseconds, and state
 * ({@code running}, {@code stopped} or {@code error}), each segment's owner, and the event a
 * segment stopped on. Layouts that can be rebuilt report {@code rebuilding} through the rebuild's
 * own status instead. Given no processor ({@code ops status}, which runs none), it reads the stored
 * tokens, claims and failure records alone, as every other node sees them.
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

  /** Without a processor of its own: from what the databases hold. */
  public LayoutStatuses(
      LookupDatabase lookup, EventStorageEngine events, Serializer tokenSerializer) {
    this(null, null, lookup, events, tokenSerializer);
  }

  public ProjectionStatus of(String layout) {
    String group = "layout-" + layout;
    StreamingEventProcessor processor =
        processing == null
            ? null
            : processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(
                    () -> new IllegalArgumentException("no layout " + layout + " is kept"));
    long head = progress != null ? progress.head() : headOfLog();
    OptionalLong live =
        processor != null && processor.isRunning()
            ? progress.position(group)
            : OptionalLong.empty();
    Map<Integer, Long> stored = Map.of();
    boolean reachable = true;
    try {
      stored = storedPositions(group);
    } catch (DataAccessException e) {
      reachable = false;
    }
    long position =
        live.isPresent()
            ? live.getAsLong()
            : stored.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long lag = Math.max(0, head - position);
    Optional<FailedEvent> error =
        reachable ? unresolvedFailure(group, processor, stored) : Optional.empty();
    Map<Integer, String> owners = reachable ? owners(group) : Map.of();
    String state = state(processor, owners);
    if (error.isPresent()) {
      state = "error";
    }
    return new ProjectionStatus(
        layout, position, head, lag, lagMs(position, lag), state, owners, error.orElse(null));
  }

  private long headOfLog() {
    TrackingToken head = events.createHeadToken();
    return head == null ? 0 : head.position().orElse(0);
  }

  /** Running, stopped or error; stopped here while another node holds the segments is running. */
  private static String state(StreamingEventProcessor processor, Map<Integer, String> owners) {
    if (processor == null) {
      return owners.isEmpty() ? "stopped" : "running";
    }
    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
    if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return "error";
    }
    return processor.isRunning() || !owners.isEmpty() ? "running" : "stopped";
  }

  /**
   * The earliest event a segment stopped on and has not applied since, as {@link
   * ProcessingFailures} recorded it in the lookup database and, for this node, in memory.
   */
  private Optional<FailedEvent> unresolvedFailure(
      String group, StreamingEventProcessor processor, Map<Integer, Long> stored) {
    List<FailedEvent> known = new ArrayList<>();
    try {
      known.addAll(ProcessingFailures.stored(lookup, group));
    } catch (DataAccessException e) {
      // A lookup database not migrated yet has no layout_processing_error.
    }
    if (processing != null
        && processing.errorHandler(group) instanceof ProcessingFailures failures) {
      known.addAll(failures.known());
    }
    Map<Integer, FailedEvent> latest = new TreeMap<>();
    for (FailedEvent f : known) {
      latest.merge(
          f.segment(),
          f,
          (a, b) -> Instant.parse(a.lastFailed()).isAfter(Instant.parse(b.lastFailed())) ? a : b);
    }
    Map<Integer, Long> at = new TreeMap<>(stored);
    if (processor != null) {
      processor
          .processingStatus()
          .forEach(
              (segment, status) -> {
                TrackingToken token = status.getTrackingToken();
                if (token != null && !status.isErrorState()) {
                  at.put(segment, token.position().orElse(0));
                }
              });
    }
    Long lowest = at.values().stream().min(Long::compare).orElse(null);
    return latest.values().stream()
        .filter(
            f -> {
              Long where =
                  f.segment() == ProcessingFailures.ALL_SEGMENTS ? lowest : at.get(f.segment());
              // A segment that no longer exists (split, merged, reset) is past it.
              return where != null && where < f.position();
            })
        .min(Comparator.comparingLong(FailedEvent::position));
  }

  /** Each claimed segment's owner, as the token table shows it to every node. */
  private Map<Integer, String> owners(String group) {
    Map<Integer, String> owners = new TreeMap<>();
    try {
      lookup
          .jdbc()
          .query(
              "SELECT segment, owner FROM layout_token_entry"
                  + " WHERE processor_name = ? AND owner IS NOT NULL",
              rs -> {
                owners.put(rs.getInt(1), rs.getString(2));
              },
              group);
    } catch (DataAccessException e) {
      // Unknown while the lookup database is away.
    }
    return owners;
  }

  /** Each segment's stored token position. */
  private Map<Integer, Long> storedPositions(String group) {
    Map<Integer, Long> positions = new TreeMap<>();
    lookup
        .jdbc()
        .query(
            "SELECT segment, token_type, token FROM layout_token_entry WHERE processor_name = ?",
            rs -> {
              String type = rs.getString(2);
              byte[] data = rs.getBytes(3);
              long at = 0;
              if (type != null && data != null) {
                TrackingToken token =
                    tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(data, byte[].class, type, null));
                at = token.position().orElse(0);
              }
              positions.put(rs.getInt(1), at);
            },
            group);
    return positions;
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
