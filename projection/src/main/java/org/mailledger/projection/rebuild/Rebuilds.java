package org.mailledger.projection.rebuild;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.mailledger.projection.progress.RebuildStates;

/**
 * Rebuilds started in the background, one at a time per layout in this process, with each layout's
 * last progress and outcome, for the REST state. Different layouts may rebuild at the same time:
 * their tables, shadow tables, tokens and progress rows are their own.
 */
public class Rebuilds implements RebuildStates, AutoCloseable {

  /** Where the last rebuild of a layout in this process stands. */
  public enum State {
    IDLE,
    RUNNING,
    FAILED
  }

  /** One layout's rebuilder and the state of its last rebuild. */
  private static final class Slot {
    final LayoutRebuilder rebuilder;
    final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    final AtomicReference<RebuildProgress> progress = new AtomicReference<>();
    final AtomicReference<String> failure = new AtomicReference<>();

    Slot(LayoutRebuilder rebuilder) {
      this.rebuilder = rebuilder;
    }
  }

  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "layout-rebuild");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closing;

  /**
   * @param rebuilders one per kept layout
   */
  public Rebuilds(Collection<LayoutRebuilder> rebuilders) {
    for (LayoutRebuilder rebuilder : rebuilders) {
      if (slots.put(rebuilder.layout(), new Slot(rebuilder)) != null) {
        throw new IllegalArgumentException("two rebuilders of layout " + rebuilder.layout());
      }
    }
  }

  public boolean knows(String layout) {
    return slots.containsKey(layout);
  }

  /** The rebuilder of a kept layout, for a rebuild in the caller's thread (ops, tests). */
  public Optional<LayoutRebuilder> rebuilder(String layout) {
    return Optional.ofNullable(slots.get(layout)).map(slot -> slot.rebuilder);
  }

  /** Starts a rebuild of the layout in the background; false when one of it is running already. */
  public boolean start(String layout) {
    Slot slot = slots.get(layout);
    if (slot == null) {
      throw new IllegalArgumentException("no layout " + layout);
    }
    State before = slot.state.get();
    if (before == State.RUNNING || !slot.state.compareAndSet(before, State.RUNNING)) {
      return false;
    }
    slot.failure.set(null);
    slot.progress.set(null);
    executor.execute(
        () -> {
          try {
            slot.rebuilder.rebuild(true, slot.progress::set, () -> closing);
            slot.state.set(State.IDLE);
          } catch (RuntimeException e) {
            // The rebuilder logged it and recorded it in the lookup database.
            slot.failure.set(LayoutRebuilder.rootMessage(e));
            slot.state.set(State.FAILED);
          }
        });
    return true;
  }

  @Override
  public boolean running(String layout) {
    return state(layout) == State.RUNNING;
  }

  @Override
  public Optional<String> failure(String layout) {
    Slot slot = slots.get(layout);
    return slot == null || slot.state.get() != State.FAILED
        ? Optional.empty()
        : Optional.ofNullable(slot.failure.get());
  }

  public State state(String layout) {
    Slot slot = slots.get(layout);
    return slot == null ? State.IDLE : slot.state.get();
  }

  public Optional<RebuildProgress> progress(String layout) {
    return Optional.ofNullable(slots.get(layout)).map(slot -> slot.progress.get());
  }

  // On shut-down a running rebuild stops between pages and keeps its progress for a resume.
  @Override
  public void close() {
    closing = true;
    executor.shutdownNow();
  }
}
