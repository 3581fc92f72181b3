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
  private static final ThreadLocal<List<EventMessage<?>>> ALL =
      ThreadLocal.withInitial(java.util.ArrayList::new);

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    for (EventMessage<?> message : messages) {
      ALL.get().add(message);
      if (message instanceof DomainEventMessage<?> event) {
        LAST.set(new EventRef(event.getAggregateIdentifier(), event.getSequenceNumber()));
      }
    }
    return (index, message) -> message;
  }

  public static void clear() {
    LAST.remove();
  }

  /** Forgets the events of the request, too. */
  public static void clearAll() {
    LAST.remove();
    ALL.remove();
  }

  /** Every event the thread's commands applied since {@link #clearAll}. */
  public static List<EventMessage<?>> all() {
    return List.copyOf(ALL.get());
  }

  public static EventRef last() {
    return LAST.get();
  }
}
