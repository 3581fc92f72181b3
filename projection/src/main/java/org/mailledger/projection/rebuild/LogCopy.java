package org.mailledger.projection.rebuild;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.lookup.WriteBatch;

/**
 * Copies the log, from where a run stands to the head, into the shadow tables through the layout's
 * writer, a transaction every {@link RebuildSettings#eventsPerTransaction()} events: through {@link
 * LogPages} (read and decoded ahead on other threads) or, with upcasters, through Axon's storage
 * engine.
 */
final class LogCopy {

  /** Events a read fetches in one query; a transaction takes several. */
  static final int READ_PAGE = 5_000;

  private final RebuildRun run;
  private final EventStorageEngine events;
  private final LogPages pages;
  private final RebuildSettings settings;
  private final LayoutWriter writer;
  private final Supplier<WriteBatch> batches;
  private final ShadowCommits commits;
  private final BooleanSupplier cancelled;

  /**
   * @param pages the fast reader; null to read through {@code events}
   * @param batches a new batch aimed at the shadow tables, for each transaction
   * @param cancelled asked before each commit; true stops the copy with a {@link
   *     RebuildCancelledException}, as does an interrupt
   */
  LogCopy(
      RebuildRun run,
      EventStorageEngine events,
      LogPages pages,
      RebuildSettings settings,
      LayoutWriter writer,
      Supplier<WriteBatch> batches,
      ShadowCommits commits,
      BooleanSupplier cancelled) {
    this.run = run;
    this.events = events;
    this.pages = pages;
    this.settings = settings;
    this.writer = writer;
    this.batches = batches;
    this.commits = commits;
    this.cancelled = cancelled;
  }

  /** Applies everything the log holds now after the run's token; the number of events. */
  long toHead() {
    long before = run.copying();
    if (pages != null) {
      copyPages();
    } else {
      copyThroughEngine();
    }
    return run.applied() - before;
  }

  /** The fast path: pages read and decoded ahead on other threads, applied here. */
  private void copyPages() {
    int readPage = Math.min(settings.eventsPerTransaction(), READ_PAGE);
    TrackingToken token = run.token();
    try (DecoderPool decoders = DecoderPool.start();
        LogPages.Reading reading = pages.read(token, readPage, decoders.executor())) {
      WriteBatch batch = batches.get();
      int inBatch = 0;
      TrackingToken last = token;
      while (true) {
        long t0 = System.nanoTime();
        LogPages.Page page = reading.next();
        long t1 = System.nanoTime();
        List<Object> payloads = page.payloads();
        for (int i = 0; i < payloads.size(); i++) {
          if (payloads.get(i) != null) {
            writer.apply(payloads.get(i), page.timestamps().get(i), batch);
          }
        }
        run.clock().waited(t1 - t0);
        run.clock().applied(System.nanoTime() - t1);
        inBatch += page.payloads().size();
        last = page.token() == null ? last : page.token();
        if (inBatch >= settings.eventsPerTransaction() || page.last()) {
          if (inBatch > 0 || last != run.token()) {
            commit(batch, last, inBatch);
          }
          inBatch = 0;
          batch = batches.get();
        }
        if (page.last()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RebuildCancelledException(run.position());
    }
  }

  /** Through Axon's storage engine, which applies the configured upcasters. */
  private void copyThroughEngine() {
    TrackingToken token = run.token();
    try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(token, false)) {
      var it = stream.iterator();
      WriteBatch batch = batches.get();
      int inPage = 0;
      TrackingToken last = token;
      while (it.hasNext()) {
        TrackedEventMessage<?> event = it.next();
        writer.apply(event.getPayload(), event.getTimestamp(), batch);
        last = event.trackingToken();
        if (++inPage == settings.eventsPerTransaction()) {
          commit(batch, last, inPage);
          inPage = 0;
          batch = batches.get();
        }
      }
      if (inPage > 0 || last != run.token()) {
        commit(batch, last, inPage);
      }
    }
  }

  private void commit(WriteBatch batch, TrackingToken last, int count) {
    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
      // Not committed: the page is applied again on resume, from the recorded token.
      throw new RebuildCancelledException(run.position());
    }
    long t0 = System.nanoTime();
    commits.commit(batch, last);
    run.clock().wrote(System.nanoTime() - t0);
    run.committed(last, count);
    pause();
  }

  /** A test's brake, so a process can be killed mid-rebuild; zero in production. */
  private void pause() {
    if (!settings.pausePerTransaction().isZero()) {
      try {
        Thread.sleep(settings.pausePerTransaction().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
