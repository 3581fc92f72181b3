package org.mailledger.projection.rebuild;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds started in the background, one at a time in this process, with their last progress and
 * outcome, for the REST state.
 */
public class Rebuilds implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

  /** Where the last rebuild of this process stands. */
  public enum State {
    IDLE,
    RUNNING,
    FAILED
  }

  private final LayoutRebuilder rebuilder;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "layout-rebuild");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
  private final AtomicReference<RebuildProgress> progress = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private volatile boolean closing;

  public Rebuilds(LayoutRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  public boolean knows(String layout) {
    return LayoutRebuilder.LAYOUT.equals(layout);
  }

  /** Starts a rebuild in the background; false when one is running already. */
  public boolean start(String layout) {
    if (!knows(layout)) {
      throw new IllegalArgumentException("no layout " + layout);
    }
    State before = state.get();
    if (before == State.RUNNING || !state.compareAndSet(before, State.RUNNING)) {
      return false;
    }
    failure.set(null);
    progress.set(null);
    executor.execute(
        () -> {
          try {
            rebuilder.rebuild(true, progress::set, () -> closing);
            state.set(State.IDLE);
          } catch (RuntimeException e) {
            log.error("rebuild of layout {} failed; the live tables are untouched", layout, e);
            failure.set(e.getMessage());
            state.set(State.FAILED);
          }
        });
    return true;
  }

  public State state(String layout) {
    return knows(layout) ? state.get() : State.IDLE;
  }

  public Optional<RebuildProgress> progress(String layout) {
    return knows(layout) ? Optional.ofNullable(progress.get()) : Optional.empty();
  }

  public Optional<String> failure(String layout) {
    return knows(layout) ? Optional.ofNullable(failure.get()) : Optional.empty();
  }

  // On shut-down a running rebuild stops between pages and keeps its progress for a resume.
  @Override
  public void close() {
    closing = true;
    executor.shutdownNow();
  }
}
