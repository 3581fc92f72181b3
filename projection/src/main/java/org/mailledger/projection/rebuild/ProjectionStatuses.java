package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mailledger.projection.layout.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.projection.progress.ProcessingFailures;
import org.springframework.dao.DataAccessException;

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

  /** The last position known, shown while the lookup database cannot be read. */
  private volatile long lastPosition;

  private volatile Instant unreachableSince;

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

  /** The default layout's status (what {@code ops status} shows). */
  public List<ProjectionStatus> all() {
    return List.of(of(LayoutRebuilder.LAYOUT).orElseThrow());
  }

  /** A layout's status, by its name; empty for a name no layout has. */
  public Optional<ProjectionStatus> of(String layout) {
    if (!Layouts.NAMES.contains(layout)) {
      return Optional.empty();
    }
    String group = "layout-" + layout;
    long head = LayoutRebuilder.position(events.createHeadToken());
    Map<Integer, Long> stored;
    String unreachable = null;
    try {
      stored = storedPositions(group);
      unreachableSince = null;
    } catch (DataAccessException e) {
      // One try, not one per query: each waits for the pool's connection timeout.
      stored = Map.of();
      unreachable = rootMessage(e);
      if (unreachableSince == null) {
        unreachableSince = Instant.now();
      }
    }
    Map<Integer, Long> tokens = stored;
    boolean reachable = unreachable == null;
    long position =
        livePosition(group)
            .orElseGet(
                () ->
                    reachable
                        ? tokens.values().stream().mapToLong(Long::longValue).min().orElse(0)
                        : lastPosition);
    lastPosition = position;
    long lag = Math.max(0, head - position);
    // While the lookup database cannot be read, that is the cause to show: what a segment
    // recorded before cannot be checked against its token.
    Optional<FailedEvent> error = reachable ? unresolvedFailure(group, stored) : Optional.empty();
    if (!reachable) {
      error =
          Optional.of(
              new FailedEvent(
                  -1,
                  Math.min(head, position + 1),
                  null,
                  null,
                  "the lookup database cannot be reached: " + unreachable,
                  String.valueOf(unreachableSince),
                  Instant.now().toString(),
                  0,
                  null));
    }
    String state = state(layout, group);
    if (error.isPresent() && !"rebuilding".equals(state)) {
      state = "error";
    }
    return Optional.of(
        new ProjectionStatus(
            layout,
            position,
            head,
            lag,
            lagMs(position, lag),
            state,
            reachable ? owners(group) : Map.of(),
            error.orElse(null)));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * The earliest event a segment stopped on and has not applied since: recorded by {@link
   * ProcessingFailures} in the lookup database and, for this node, in memory (for a failure that
   * happened while the lookup database could not take the record).
   */
  private Optional<FailedEvent> unresolvedFailure(String group, Map<Integer, Long> stored) {
    Map<Integer, FailedEvent> latest = new TreeMap<>();
    List<FailedEvent> known = new ArrayList<>();
    try {
      known.addAll(ProcessingFailures.stored(lookup, group));
    } catch (DataAccessException e) {
      // A lookup database the app has not migrated yet has no layout_processing_error.
    }
    if (processing != null
        && processing.errorHandler(group) instanceof ProcessingFailures failures) {
      known.addAll(failures.known());
    }
    for (FailedEvent f : known) {
      latest.merge(
          f.segment(),
          f,
          (a, b) -> Instant.parse(a.lastFailed()).isAfter(Instant.parse(b.lastFailed())) ? a : b);
    }
    Map<Integer, Long> live = liveSegments(group);
    return latest.values().stream()
        .filter(
            f -> {
              Long at =
                  f.segment() == ProcessingFailures.ALL_SEGMENTS
                      ? lowest(live, stored)
                      : live.containsKey(f.segment())
                          ? live.get(f.segment())
                          : stored.get(f.segment());
              // A segment that no longer exists (split, merged, reset by a rebuild) is past it.
              return at != null && at < f.position();
            })
        .min(Comparator.comparingLong(FailedEvent::position));
  }

  /** The lowest position over every segment, live where this node runs it, else stored. */
  private static Long lowest(Map<Integer, Long> live, Map<Integer, Long> stored) {
    Map<Integer, Long> all = new TreeMap<>(stored);
    all.putAll(live);
    return all.values().stream().min(Long::compare).orElse(null);
  }

  /** Where each segment this node runs stands, from the processor itself. */
  private Map<Integer, Long> liveSegments(String group) {
    Map<Integer, Long> at = new TreeMap<>();
    if (processing == null) {
      return at;
    }
    processing
        .eventProcessor(group, StreamingEventProcessor.class)
        .ifPresent(
            p ->
                p.processingStatus()
                    .forEach(
                        (segment, status) -> {
                          TrackingToken token = status.getTrackingToken();
                          if (token != null && !status.isErrorState()) {
                            at.put(segment, LayoutRebuilder.position(token));
                          }
                        }));
    return at;
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

  private String state(String layout, String group) {
    if (rebuilds != null && rebuilds.state(layout) == Rebuilds.State.RUNNING) {
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
    return !owners(group).isEmpty();
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

  /**
   * Each segment's stored token position. Outside the app (ops) these are the positions; they may
   * lag for segments without events of their own.
   */
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
                Object token =
                    serializer.deserialize(
                        new SimpleSerializedObject<>(data, byte[].class, type, null));
                at = LayoutRebuilder.position((TrackingToken) token);
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
