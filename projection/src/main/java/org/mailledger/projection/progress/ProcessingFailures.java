package org.mailledger.projection.progress;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.lookup.MissingRowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * What a layout processor does when a batch fails: it names the event it stopped on, keeps the
 * segment stopped on that event, and tries it again after a back-off that doubles from {@code
 * initial} up to {@code max}.
 *
 * <p>Axon's pooled processor, left alone, releases a failed segment and claims it again at its next
 * claim interval, so a poison event would be retried, with a stack trace, every couple of seconds
 * for ever. Here the segment is released for the back-off instead ({@link
 * StreamingEventProcessor#releaseSegment(int, long, TimeUnit)}), then the error propagates so the
 * batch rolls back and nothing after the event in that segment is applied. Other segments go on.
 *
 * <p>The failure is written to {@code layout_processing_error} in the lookup database (so {@code
 * ops status} and the other nodes see it) and kept in memory (so the app still knows it while that
 * database is down).
 */
public class ProcessingFailures implements ErrorHandler, ListenerInvocationErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ProcessingFailures.class);
  private static final int MESSAGE_LIMIT = 2000;

  /** The segment of an event that cannot be routed: every segment waits behind it. */
  public static final int ALL_SEGMENTS = -1;

  private final String group;
  private final LookupDatabase lookup;
  private final SequencingPolicy<? super EventMessage<?>> sequencing;
  private final Supplier<Optional<StreamingEventProcessor>> processor;
  private final Duration initial;
  private final Duration max;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();
  private final Map<Integer, FailedEvent> failures = new ConcurrentHashMap<>();
  private final ThreadLocal<EventMessage<?>> failing = new ThreadLocal<>();
  private long unroutablePosition = -2;
  private long unroutableAt;

  public ProcessingFailures(
      String group,
      LookupDatabase lookup,
      SequencingPolicy<? super EventMessage<?>> sequencing,
      Supplier<Optional<StreamingEventProcessor>> processor,
      Duration initial,
      Duration max) {
    this.group = group;
    this.lookup = lookup;
    this.sequencing = sequencing;
    this.processor = processor;
    this.initial = initial;
    this.max = max;
  }

  /** A handler threw: remember which event it was, and let the batch fail. */
  @Override
  public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler)
      throws Exception {
    failing.set(event);
    throw exception;
  }

  /** The batch failed and rolled back. */
  @Override
  public void handleError(ErrorContext context) throws Exception {
    Throwable error = context.error();
    EventMessage<?> event = failing.get();
    failing.remove();
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MissingRowException missing
          && missing.origin() instanceof EventMessage<?> origin) {
        event = origin;
        break;
      }
    }
    if (event == null && !context.failedEvents().isEmpty()) {
      // Not one event's fault (the database is away, the commit failed): the batch's first event
      // is where the segment stands.
      event = context.failedEvents().get(0);
    }
    if (event != null) {
      record(event, error);
    }
    if (error instanceof Exception e) {
      throw e;
    }
    throw (Error) error;
  }

  private void record(EventMessage<?> event, Throwable error) {
    long position =
        event instanceof TrackedEventMessage<?> tracked
            ? tracked.trackingToken().position().orElse(-1)
            : -1;
    int segment = segmentOf(event);
    if (segment == ALL_SEGMENTS) {
      // Axon reports an event it cannot route once for every segment's work package.
      unroutable(event, error);
      return;
    }
    FailedEvent before = failures.get(segment);
    if (before == null || before.position() != position) {
      before = stored(segment).filter(f -> f.position() == position).orElse(null);
    }
    record(event, error, segment, before);
  }

  private void record(EventMessage<?> event, Throwable error, int segment, FailedEvent before) {
    long position =
        event instanceof TrackedEventMessage<?> tracked
            ? tracked.trackingToken().position().orElse(-1)
            : -1;
    String now = Instant.now().toString();
    FailedEvent failed =
        new FailedEvent(
            segment,
            position,
            type(event),
            event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
            message(error),
            before == null ? now : before.firstFailed(),
            now,
            before == null ? 1 : before.attempts() + 1,
            node);
    failures.put(segment, failed);
    Duration wait = backOff(failed.attempts());
    log.warn(
        "{} segment {} stopped on event {} ({}, aggregate {}), attempt {}: {}. Next try in {} s.",
        group,
        segment,
        position,
        failed.type(),
        failed.aggregate(),
        failed.attempts(),
        failed.message(),
        wait.toSeconds());
    store(failed);
    processor
        .get()
        .ifPresent(
            p -> {
              if (segment == ALL_SEGMENTS) {
                p.processingStatus()
                    .keySet()
                    .forEach(s -> p.releaseSegment(s, wait.toMillis(), TimeUnit.MILLISECONDS));
              } else {
                p.releaseSegment(segment, wait.toMillis(), TimeUnit.MILLISECONDS);
              }
            });
  }

  /**
   * The policy, recording an event it cannot route (its payload does not decode): Axon then aborts
   * every segment's work on that event, since its sequence is unknown, and so does the back-off.
   */
  public SequencingPolicy<EventMessage<?>> guarding(
      SequencingPolicy<? super EventMessage<?>> policy) {
    return event -> {
      try {
        return policy.getSequenceIdentifierFor(event);
      } catch (RuntimeException e) {
        unroutable(event, e);
        throw e;
      }
    };
  }

  private synchronized void unroutable(EventMessage<?> event, Throwable error) {
    long position =
        event instanceof TrackedEventMessage<?> tracked
            ? tracked.trackingToken().position().orElse(-1)
            : -1;
    // Every work package asks the policy about the same event; one try is one round of them.
    long now = System.nanoTime();
    if (position == unroutablePosition && now - unroutableAt < 500_000_000L) {
      return;
    }
    unroutablePosition = position;
    unroutableAt = now;
    FailedEvent before = failures.get(ALL_SEGMENTS);
    record(
        event,
        error,
        ALL_SEGMENTS,
        before != null && before.position() == position ? before : null);
  }

  /** The wait before the next try: initial, doubled each attempt, at most max. */
  Duration backOff(int attempts) {
    Duration wait = initial;
    for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  /** The segment of this node that handles the event (its sequence), or 0 with one segment. */
  private int segmentOf(EventMessage<?> event) {
    Object sequence;
    try {
      sequence = sequencing.getSequenceIdentifierFor(event);
    } catch (RuntimeException e) {
      return ALL_SEGMENTS;
    }
    Collection<EventTrackerStatus> claimed =
        processor
            .get()
            .map(p -> (Collection<EventTrackerStatus>) p.processingStatus().values())
            .orElse(List.of());
    return claimed.stream()
        .map(EventTrackerStatus::getSegment)
        .filter(s -> sequence == null || s.matches(sequence))
        .mapToInt(Segment::getSegmentId)
        .findFirst()
        .orElse(0);
  }

  /** This node's failures, whether or not they are resolved since. */
  public List<FailedEvent> known() {
    return new ArrayList<>(failures.values());
  }

  private Optional<FailedEvent> stored(int segment) {
    try {
      return stored(lookup, group).stream().filter(f -> f.segment() == segment).findFirst();
    } catch (DataAccessException e) {
      return Optional.empty();
    }
  }

  private void store(FailedEvent f) {
    try {
      int updated =
          lookup
              .jdbc()
              .update(
                  "UPDATE layout_processing_error SET position = ?, event_type = ?,"
                      + " aggregate_id = ?, message = ?, first_failed = ?, last_failed = ?,"
                      + " attempts = ?, owner = ? WHERE processor_name = ? AND segment = ?",
                  f.position(),
                  f.type(),
                  f.aggregate(),
                  f.message(),
                  f.firstFailed(),
                  f.lastFailed(),
                  f.attempts(),
                  f.node(),
                  group,
                  f.segment());
      if (updated == 0) {
        lookup
            .jdbc()
            .update(
                "INSERT INTO layout_processing_error (processor_name, segment, position,"
                    + " event_type, aggregate_id, message, first_failed, last_failed, attempts,"
                    + " owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                group,
                f.segment(),
                f.position(),
                f.type(),
                f.aggregate(),
                f.message(),
                f.firstFailed(),
                f.lastFailed(),
                f.attempts(),
                f.node());
      }
    } catch (DataAccessException e) {
      // The lookup database may be the very thing that failed; memory keeps it for this node.
      log.debug("could not record the failure of {} segment {}", group, f.segment(), e);
    }
  }

  /** The failures recorded for a processor in the lookup database, resolved or not. */
  public static List<FailedEvent> stored(LookupDatabase lookup, String group) {
    return lookup
        .jdbc()
        .query(
            "SELECT segment, position, event_type, aggregate_id, message, first_failed,"
                + " last_failed, attempts, owner FROM layout_processing_error"
                + " WHERE processor_name = ? ORDER BY segment",
            (rs, i) ->
                new FailedEvent(
                    rs.getInt(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8),
                    rs.getString(9)),
            group);
  }

  private static String type(EventMessage<?> event) {
    try {
      return event.getPayloadType().getSimpleName();
    } catch (RuntimeException e) {
      return "undecodable";
    }
  }

  /** The error and its root cause, which is what the database or the decoder said. */
  static String message(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    if (root != error) {
      text += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT - 1) + "…" : text;
  }
}
