package org.mailledger.projection.progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far each layout's processor has come through the log, beside the log's head: the answer to
 * "how far behind is the table Postfix reads".
 */
public class LayoutProgress {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  public LayoutProgress(EventProcessingConfiguration processing, EventStore eventStore) {
    this.processing = processing;
    this.eventStore = eventStore;
  }

  /** The global index of the newest event in the log, 0 for an empty log. */
  public long head() {
    TrackingToken head = eventStore.createHeadToken();
    return head == null ? 0 : head.position().orElse(0);
  }

  /**
   * The position up to which every segment of the group has applied the log; empty while the
   * processor has not claimed all its segments (starting, rebuilding, or stopped on an error).
   */
  public OptionalLong position(String group) {
    Map<Integer, EventTrackerStatus> status = processor(group).processingStatus();
    if (!wholeAndHealthy(status)) {
      return OptionalLong.empty();
    }
    long min = Long.MAX_VALUE;
    for (EventTrackerStatus segment : status.values()) {
      TrackingToken token =
          segment.getCurrentPosition().isPresent() ? segment.getTrackingToken() : null;
      long at = token == null ? 0 : token.position().orElse(0);
      min = Math.min(min, at);
    }
    return OptionalLong.of(min);
  }

  public long lag(String group) {
    return Math.max(0, head() - position(group).orElse(0));
  }

  /**
   * Waits until the segments of the group that handle {@code events} have applied them, the log up
   * to {@code target} included; false on time-out. The other segments are not waited for: an idle
   * segment reports its position only when its worker next runs, which made a write that asked to
   * wait take about 400 ms longer than its row took to appear. With no events it waits for every
   * segment, as {@link #awaitPosition} does.
   */
  public boolean awaitApplied(
      String group, long target, List<? extends EventMessage<?>> events, Duration timeout)
      throws InterruptedException {
    if (events.isEmpty()) {
      return awaitPosition(group, target, timeout);
    }
    SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(group);
    // As Axon's event handler invoker picks a segment: the hash of the sequence identifier, or of
    // the event's own identifier when the policy gives none.
    int[] hashes =
        events.stream()
            .mapToInt(
                e -> {
                  Object id = policy.getSequenceIdentifierFor(e);
                  return Objects.hashCode(id == null ? e.getIdentifier() : id);
                })
            .toArray();
    TrackingToken wanted = GapAwareTrackingToken.newInstance(target, List.of());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (applied(group, hashes, wanted)) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /**
   * Whether the claimed segments are free of errors and cover the whole sequence space: a segment
   * released after an error (or not claimed yet) is simply absent, and part of the log may then not
   * be applied.
   */
  private static boolean wholeAndHealthy(Map<Integer, EventTrackerStatus> status) {
    if (status.isEmpty() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return false;
    }
    double covered =
        status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
    return covered >= 0.999_999;
  }

  private boolean applied(String group, int[] hashes, TrackingToken wanted) {
    Map<Integer, EventTrackerStatus> status = processor(group).processingStatus();
    if (!wholeAndHealthy(status)) {
      return false;
    }
    for (EventTrackerStatus segment : status.values()) {
      boolean handles = false;
      for (int hash : hashes) {
        handles |= segment.getSegment().matches(hash);
      }
      if (handles && !covers(segment.getTrackingToken(), wanted)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code token} has the event at {@code wanted}'s index behind it: a gap-aware token may
   * have read past an index whose transaction had not committed yet, and then does not cover it.
   */
  private static boolean covers(TrackingToken token, TrackingToken wanted) {
    if (token == null) {
      return false;
    }
    TrackingToken plain = WrappedToken.unwrapLowerBound(token);
    if (plain instanceof GapAwareTrackingToken) {
      return plain.covers(wanted);
    }
    return token.position().orElse(-1) >= wanted.position().orElse(0);
  }

  private StreamingEventProcessor processor(String group) {
    return processing
        .eventProcessor(group, StreamingEventProcessor.class)
        .orElseThrow(() -> new IllegalArgumentException("no processor " + group));
  }

  /** Waits until the group has applied everything up to {@code target}; false on time-out. */
  public boolean awaitPosition(String group, long target, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (position(group).orElse(-1) >= target) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }
}
