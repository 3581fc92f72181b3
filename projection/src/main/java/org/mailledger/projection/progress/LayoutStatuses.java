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
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.dao.DataAccessException;

/**
 * Any layout's place in the log, the one answer that {@code GET /projections}, {@code ops status}
 * and the fault suite read: position, head, lag in events and milliseconds, state ({@code running},
 * {@code rebuilding}, {@code stopped} or {@code error}), each segment's owner, and the event a
 * segment stopped on.
 *
 * <p>In the app the layout's own processor is the truth for its position (a segment with no event
 * of its own advances there while its stored token may stay behind). Given no processor ({@code ops
 * status}, which runs none), it reads the stored tokens, claims, failure records and rebuild
 * progress alone, as every other node sees them.
 */
public class LayoutStatuses {

  private final EventProcessingConfiguration processing;
  private final LayoutProgress progress;
  private final RebuildStates rebuilds;
  private final LookupDatabase lookup;
  private final EventStorageEngine events;
  private final LookupRecords records;

  /** Per layout: the last position known, shown while the lookup database cannot be read. */
  private final Map<String, Long> lastPosition = new ConcurrentHashMap<>();

  private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();

  public LayoutStatuses(
      EventProcessingConfiguration processing,
      LayoutProgress progress,
      RebuildStates rebuilds,
      LookupDatabase lookup,
      EventStorageEngine events,
      Serializer tokenSerializer) {
    this.processing = processing;
    this.progress = progress;
    this.rebuilds = rebuilds;
    this.lookup = lookup;
    this.events = events;
    this.records = new LookupRecords(lookup, tokenSerializer);
  }

  /** The rebuild of the layout recorded in the lookup database, if any ({@code ops status}). */
  public Optional<LookupRecords.RecordedRebuild> recordedRebuild(String layout) {
    return records.recordedRebuild(layout);
  }

  /** Without a processor of its own: from what the databases hold. */
  public LayoutStatuses(
      LookupDatabase lookup, EventStorageEngine events, Serializer tokenSerializer) {
    this(null, null, null, lookup, events, tokenSerializer);
  }

  /** The status of a layout, by the name {@code mailledger.layouts} gives it, kept here or not. */
  public ProjectionStatus of(String layout) {
    String name = layout;
    String group = LayoutGroups.of(layout);
    Optional<StreamingEventProcessor> processor = processor(group);
    long head = progress != null ? progress.head() : headOfLog();
    Map<Integer, Long> stored;
    String unreachable = null;
    try {
      stored = records.storedPositions(group);
      unreachableSince.remove(name);
    } catch (DataAccessException e) {
      // One try, not one per query: each waits for the pool's connection timeout.
      stored = Map.of();
      unreachable = rootMessage(e);
      unreachableSince.putIfAbsent(name, Instant.now());
    }
    boolean reachable = unreachable == null;
    OptionalLong live =
        processor.isPresent() && processor.get().isRunning() && progress != null
            ? progress.position(group)
            : OptionalLong.empty();
    long position =
        live.isPresent()
            ? live.getAsLong()
            : reachable
                ? stored.values().stream().mapToLong(Long::longValue).min().orElse(0)
                : lastPosition.getOrDefault(name, 0L);
    lastPosition.put(name, position);
    long lag = Math.max(0, head - position);
    // While the lookup database cannot be read, that is the cause to show: what a segment
    // recorded before cannot be checked against its token.
    Optional<FailedEvent> error =
        reachable
            ? unresolvedFailure(group, processor, stored)
            : Optional.of(unreachable(head, position, unreachable, unreachableSince.get(name)));
    Map<Integer, String> owners = reachable ? records.owners(group) : Map.of();
    String state = state(name, processor, owners, reachable);
    Optional<RebuildFailure> rebuildFailure =
        "rebuilding".equals(state) ? Optional.empty() : rebuildFailure(name, reachable);
    if ((error.isPresent() || rebuildFailure.isPresent()) && !"rebuilding".equals(state)) {
      state = "error";
    }
    return new ProjectionStatus(
        name,
        position,
        head,
        lag,
        lagMs(position, lag),
        state,
        owners,
        error.orElse(null),
        rebuildFailure.orElse(null));
  }

  /**
   * The layout's last rebuild, if it failed: as recorded in the lookup database for every process
   * to see, or as this process knows it when that record cannot be read.
   */
  private Optional<RebuildFailure> rebuildFailure(String layout, boolean reachable) {
    if (reachable) {
      try {
        return records.rebuildFailure(layout);
      } catch (DataAccessException e) {
        // Not migrated to it yet: only this process's memory can tell.
      }
    }
    return rebuilds == null
        ? Optional.empty()
        : rebuilds.failure(layout).map(message -> new RebuildFailure(null, message));
  }

  private static FailedEvent unreachable(long head, long position, String cause, Instant since) {
    return new FailedEvent(
        -1,
        Math.min(head, position + 1),
        null,
        null,
        "the lookup database cannot be reached: " + cause,
        String.valueOf(since),
        Instant.now().toString(),
        0,
        null);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private Optional<StreamingEventProcessor> processor(String group) {
    return processing == null
        ? Optional.empty()
        : processing.eventProcessor(group, StreamingEventProcessor.class);
  }

  private long headOfLog() {
    TrackingToken head = events.createHeadToken();
    return head == null ? 0 : head.position().orElse(0);
  }

  /**
   * Rebuilding while a rebuild runs in the app or, seen from ops, writes its progress; else error
   * when a segment of this node's processor is in error; else running while a process (this one or
   * another) holds claims, or stopped.
   */
  private String state(
      String layout,
      Optional<StreamingEventProcessor> processor,
      Map<Integer, String> owners,
      boolean reachable) {
    if (rebuilds != null) {
      // The app knows its own rebuilds; a progress row it left is one to resume, not a live one.
      if (rebuilds.running(layout)) {
        return "rebuilding";
      }
    } else if (reachable
        && records
            .recordedRebuild(layout)
            .map(LookupRecords.RecordedRebuild::alive)
            .orElse(false)) {
      return "rebuilding";
    }
    if (processor.isEmpty()) {
      return owners.isEmpty() ? "stopped" : "running";
    }
    Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
    if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return "error";
    }
    return processor.get().isRunning() || !owners.isEmpty() ? "running" : "stopped";
  }

  /**
   * The earliest event a segment stopped on and has not applied since, as {@link
   * ProcessingFailures} recorded it in the lookup database and, for this node, in memory (for a
   * failure that happened while the lookup database could not take the record).
   */
  private Optional<FailedEvent> unresolvedFailure(
      String group, Optional<StreamingEventProcessor> processor, Map<Integer, Long> stored) {
    List<FailedEvent> known = new ArrayList<>();
    try {
      known.addAll(records.processingFailures(group));
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
    // Where each segment stands: live where this node runs it, else as stored.
    Map<Integer, Long> at = new TreeMap<>(stored);
    processor.ifPresent(
        p ->
            p.processingStatus()
                .forEach(
                    (segment, status) -> {
                      TrackingToken token = status.getTrackingToken();
                      if (token != null && !status.isErrorState()) {
                        at.put(segment, token.position().orElse(0));
                      }
                    }));
    Long lowest = at.values().stream().min(Long::compare).orElse(null);
    return latest.values().stream()
        .filter(
            f -> {
              Long where =
                  f.segment() == ProcessingFailures.ALL_SEGMENTS ? lowest : at.get(f.segment());
              // A segment that no longer exists (split, merged, reset by a rebuild) is past it.
              return where != null && where < f.position();
            })
        .min(Comparator.comparingLong(FailedEvent::position));
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
