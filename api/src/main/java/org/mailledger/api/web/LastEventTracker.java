package org.mailledger.api.web;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Remembers, per thread, the last domain event a command applied, so the HTTP answer can give that
 * event's log position, and every event of the request, so that {@code ?wait=true} waits for the
 * segments that apply them. Axon's SimpleCommandBus (the one configured) handles a command in the
 * dispatching thread, which is what makes a thread-local the right scope here.
 */
public class LastEventTracker implements MessageDispatchInterceptor<EventMessage<?>> {

  /** The aggregate and sequence number that identify an event in the log. */
  public record EventRef(String aggregateId, long sequenceNumber) {}

  private static final ThreadLocal<EventRef> LAST = new ThreadLocal<>();
  // Only between collect() and clearAll(): a thread that publishes outside a request (a processor,
  // the bootstrap) would otherwise pile up every event it ever published.
  private static final ThreadLocal<List<EventMessage<?>>> ALL = new ThreadLocal<>();

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    List<EventMessage<?>> all = ALL.get();
    for (EventMessage<?> message : messages) {
      if (all != null) {
        all.add(message);
      }
      if (message instanceof DomainEventMessage<?> event) {
        LAST.set(new EventRef(event.getAggregateIdentifier(), event.getSequenceNumber()));
      }
    }
    return (index, message) -> message;
  }

  public static void clear() {
    LAST.remove();
  }

  /** Starts keeping every event the thread's commands apply, for {@link #all}. */
  public static void collect() {
    LAST.remove();
    ALL.set(new java.util.ArrayList<>());
  }

  /** Forgets the events of the request, too, and stops keeping them. */
  public static void clearAll() {
    LAST.remove();
    ALL.remove();
  }

  /** Every event the thread's commands applied since {@link #collect}. */
  public static List<EventMessage<?>> all() {
    List<EventMessage<?>> all = ALL.get();
    return all == null ? List.of() : List.copyOf(all);
  }

  public static EventRef last() {
    return LAST.get();
  }
}
