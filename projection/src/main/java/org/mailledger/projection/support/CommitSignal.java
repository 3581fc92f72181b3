package org.mailledger.projection.support;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as the source of a pooled streaming processor, waking the processor as soon as
 * this process commits events. Axon's coordinator asks its stream for an availability callback; the
 * embedded store's stream has none, so an idle coordinator looked for new events only every 500 ms,
 * and a row reached the table Postfix reads up to half a second after its command was answered (a
 * {@code ?wait=true} write took ~490 ms instead of ~20). Here the callback runs after the commit of
 * every unit of work that appended events in this process, and every {@link #POLL_MILLIS} ms
 * besides, so events appended by another instance are found as soon as before.
 */
public final class CommitSignal implements StreamableMessageSource<TrackedEventMessage<?>> {

  /** The bound for events appended elsewhere (another node): Axon's own idle poll. */
  static final long POLL_MILLIS = 500;

  private static final long[] RETRY_MILLIS = {2, 10, 40};

  private static final Map<EventStore, CommitSignal> SIGNALS = new WeakHashMap<>();
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "commit-signal");
            thread.setDaemon(true);
            return thread;
          });
  private static final String REGISTERED = CommitSignal.class.getName() + ".registered";

  private final EventStore store;
  private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

  private CommitSignal(EventStore store) {
    this.store = store;
  }

  /** The one signal of {@code store}: its dispatch interceptor is registered once. */
  public static synchronized CommitSignal of(EventStore store) {
    return SIGNALS.computeIfAbsent(
        store,
        s -> {
          CommitSignal signal = new CommitSignal(s);
          s.registerDispatchInterceptor(
              messages -> {
                CurrentUnitOfWork.ifStarted(
                    unitOfWork -> {
                      var root = unitOfWork.root();
                      if (!root.resources().containsKey(REGISTERED)) {
                        root.resources().put(REGISTERED, Boolean.TRUE);
                        root.afterCommit(u -> signal.committed());
                      }
                    });
                return (index, message) -> message;
              });
          TIMER.scheduleWithFixedDelay(
              signal::fire, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
          return signal;
        });
  }

  /**
   * After a commit: the store's own reader fetches the new events on its thread, notified by the
   * same commit, so the processors are woken at once and again a few milliseconds later, when the
   * events are surely in the reader's buffer (a coordinator woken before finds nothing and would
   * sleep until the next poll).
   */
  private void committed() {
    fire();
    for (long delay : RETRY_MILLIS) {
      TIMER.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
    }
  }

  private void fire() {
    for (Runnable callback : callbacks) {
      callback.run();
    }
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
    return new Stream(store.openStream(token));
  }

  @Override
  public TrackingToken createTailToken() {
    return store.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return store.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant at) {
    return store.createTokenAt(at);
  }

  @Override
  public TrackingToken createTokenSince(java.time.Duration duration) {
    return store.createTokenSince(duration);
  }

  /** The store's stream, with the callback it lacks. */
  private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
    private final BlockingStream<TrackedEventMessage<?>> delegate;
    private volatile Runnable callback;

    Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      // A store whose stream calls back by itself is left to do so.
      if (delegate.setOnAvailableCallback(callback)) {
        return true;
      }
      Runnable previous = this.callback;
      if (previous != null) {
        callbacks.remove(previous);
      }
      this.callback = callback;
      callbacks.add(callback);
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return delegate.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public boolean hasNextAvailable() {
      return delegate.hasNextAvailable();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
      Runnable registered = callback;
      if (registered != null) {
        callbacks.remove(registered);
      }
      delegate.close();
    }
  }
}
