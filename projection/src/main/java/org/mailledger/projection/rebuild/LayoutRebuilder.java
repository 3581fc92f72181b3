package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.projection.mum.MumWriter;
import org.mailledger.projection.rebuild.RebuildProgress.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a layout beside the live tables, which Postfix and Dovecot keep reading: the log goes
 * into shadow tables ({@code rebuild_*}) through the layout's own writer, the one the live
 * projection uses ({@link MumWriter} for mum, and so on), and only when the shadow tables have
 * caught up are they swapped in, atomically, with the live processor's tokens moved to the
 * rebuild's position.
 *
 * <p>The fast path ({@link LogPages}) reads the log with plain JDBC in big pages, a page ahead of
 * the writes, and decodes payloads on all cores with the event serializer's Jackson mapper; the
 * pages of one transaction (tens of thousands of events) are folded per row in memory ({@link
 * CoalescingBatch}) and written as multi-row upserts, so a row changed many times is written once.
 * The processor's per-event machinery (coordinator, work packages, unit of work, handler lookup) is
 * skipped. With an upcaster configured, the log is read through Axon's {@link EventStorageEngine}
 * instead, which applies it.
 *
 * <p>Gaps: the position kept is Axon's gap-aware token, not a bare global index. A sequence value
 * that a still-open transaction holds is a gap the token remembers, and the next read asks for it
 * again, so an event that commits late is applied, never skipped — exactly as the live processor
 * does. The same token goes into the progress table (for {@code --resume}) and, at the swap, into
 * every segment of the live processor.
 */
public class LayoutRebuilder {

  /** The default layout, {@code mum}. */
  public static final String LAYOUT = "mum";

  private static final Logger log = LoggerFactory.getLogger(LayoutRebuilder.class);

  /** A catch-up round that applied fewer events than this is followed by the swap. */
  private static final long SWAP_WITHIN = 2_000;

  /** Events a read fetches in one query; a transaction takes several. */
  static final int READ_PAGE = 5_000;

  private final LookupDatabase lookup;
  private final EventStorageEngine events;
  private final LogPages pages;
  private final Serializer tokenSerializer;
  private final EventProcessingConfiguration processing;
  private final RebuildLayout layout;
  private final RebuildSettings settings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ShadowTables shadow;
  private java.util.Map<String, java.util.Set<String>> uniqueColumns;

  /**
   * @param events the storage engine, for the head and for reading when {@code pages} is null
   * @param pages the fast reader; null to read through {@code events} (upcasters configured)
   * @param tokenSerializer the serializer of the live processor's token store, so the token written
   *     for it reads back as its own
   */
  public LayoutRebuilder(
      LookupDatabase lookup,
      EventStorageEngine events,
      LogPages pages,
      Serializer tokenSerializer,
      EventProcessingConfiguration processing,
      RebuildLayout layout,
      RebuildSettings settings) {
    this.lookup = lookup;
    this.events = events;
    this.pages = pages;
    this.tokenSerializer = tokenSerializer;
    this.processing = processing;
    this.layout = layout;
    this.settings = settings;
    this.jdbc = lookup.jdbc();
    this.transaction =
        new TransactionTemplate(new DataSourceTransactionManager(lookup.dataSource()));
    this.shadow = new ShadowTables(jdbc, lookup.dialect(), layout);
  }

  /** The layout this rebuilder rebuilds, as {@code mailledger.layouts} names it. */
  public String layout() {
    return layout.name();
  }

  /** The same rebuilder with other settings (tests: small transactions). */
  public LayoutRebuilder with(RebuildSettings other) {
    return new LayoutRebuilder(lookup, events, pages, tokenSerializer, processing, layout, other);
  }

  /**
   * Runs a whole rebuild, swap included.
   *
   * @param resume continue from the recorded progress and the shadow tables as they are, when there
   *     are both; otherwise start over
   * @param cancelled asked between pages; true stops before the swap with a {@link
   *     RebuildCancelledException}, as does an interrupt
   * @return the log position the live tables now stand at
   */
  public long rebuild(boolean resume, RebuildListener listener, BooleanSupplier cancelled) {
    Run run = new Run(listener, cancelled);
    run.report(Phase.PREPARING);
    Optional<TrackingToken> recorded = resume ? recordedToken() : Optional.empty();
    if (recorded.isPresent() && shadow.exist()) {
      run.token = recorded.get();
      log.info("resuming the rebuild of layout {} at {}", layout.name(), position(run.token));
    } else {
      shadow.create();
      jdbc.update("DELETE FROM layout_rebuild_progress WHERE layout = ?", layout.name());
      run.token = null;
    }
    // Catch up while the live processor keeps the live tables current.
    long applied;
    do {
      applied = run.copyToHead();
    } while (applied >= SWAP_WITHIN);

    Optional<StreamingEventProcessor> processor =
        processing.eventProcessor(layout.group(), StreamingEventProcessor.class);
    processor.ifPresent(StreamingEventProcessor::shutDown);
    try {
      requireNoOtherOwner();
      run.copyToHead();
      run.report(Phase.SWAPPING);
      swap(run.token);
    } finally {
      processor.ifPresent(StreamingEventProcessor::start);
    }
    run.report(Phase.DONE);
    lastTimings =
        new Timings(
            (System.nanoTime() - run.started) / 1e9,
            run.waitNanos / 1e9,
            run.applyNanos / 1e9,
            run.writeNanos / 1e9);
    return position(run.token);
  }

  /**
   * Where the last completed rebuild of this instance spent its time, for the benchmark.
   *
   * @param readWait waiting for the next page to be read and decoded (the reading runs meanwhile)
   * @param apply folding the events through the writer into the batch
   * @param write sending the shadow-table transactions and committing them
   */
  public record Timings(double total, double readWait, double apply, double write) {}

  private volatile Timings lastTimings;

  public Optional<Timings> lastTimings() {
    return Optional.ofNullable(lastTimings);
  }

  /** What a rebuild would resume from, if one was interrupted. */
  public Optional<Long> recordedPosition() {
    return recordedToken().map(LayoutRebuilder::position);
  }

  public long head() {
    return position(events.createHeadToken());
  }

  /** The state of one rebuild run. */
  private final class Run {
    private final RebuildListener listener;
    private final BooleanSupplier cancelled;
    private final long started = System.nanoTime();
    private TrackingToken token;
    private long applied;
    private long head;
    private long waitNanos;
    private long applyNanos;
    private long writeNanos;
    private long commits;

    Run(RebuildListener listener, BooleanSupplier cancelled) {
      this.listener = listener;
      this.cancelled = cancelled;
    }

    /** Applies everything the log holds now after {@link #token}; the number of events. */
    long copyToHead() {
      head = head();
      report(Phase.COPYING);
      long before = applied;
      if (pages != null) {
        copyPages();
      } else {
        copyThroughEngine();
      }
      return applied - before;
    }

    /** The fast path: pages read and decoded ahead on other threads, applied here. */
    private void copyPages() {
      int readPage = Math.min(settings.eventsPerTransaction(), READ_PAGE);
      ExecutorService decoders =
          Executors.newFixedThreadPool(
              Math.max(1, Runtime.getRuntime().availableProcessors()),
              r -> {
                Thread thread = new Thread(r, "rebuild-decoder");
                thread.setDaemon(true);
                return thread;
              });
      try (LogPages.Reading reading = pages.read(token, readPage, decoders)) {
        WriteBatch batch = newBatch();
        int inBatch = 0;
        TrackingToken last = token;
        while (true) {
          long t0 = System.nanoTime();
          LogPages.Page page = reading.next();
          long t1 = System.nanoTime();
          List<Object> payloads = page.payloads();
          for (int i = 0; i < payloads.size(); i++) {
            if (payloads.get(i) != null) {
              layout.writer().apply(payloads.get(i), page.timestamps().get(i), batch);
            }
          }
          waitNanos += t1 - t0;
          applyNanos += System.nanoTime() - t1;
          inBatch += page.payloads().size();
          last = page.token() == null ? last : page.token();
          if (inBatch >= settings.eventsPerTransaction() || page.last()) {
            if (inBatch > 0 || last != token) {
              commit(batch, last, inBatch);
            }
            inBatch = 0;
            batch = newBatch();
          }
          if (page.last()) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RebuildCancelledException(position(token));
      } finally {
        decoders.shutdownNow();
      }
    }

    /** Through Axon's storage engine, which applies the configured upcasters. */
    private void copyThroughEngine() {
      try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(token, false)) {
        var it = stream.iterator();
        WriteBatch batch = newBatch();
        int inPage = 0;
        TrackingToken last = token;
        while (it.hasNext()) {
          TrackedEventMessage<?> event = it.next();
          layout.writer().apply(event.getPayload(), event.getTimestamp(), batch);
          last = event.trackingToken();
          if (++inPage == settings.eventsPerTransaction()) {
            commit(batch, last, inPage);
            inPage = 0;
            batch = newBatch();
          }
        }
        if (inPage > 0 || last != token) {
          commit(batch, last, inPage);
        }
      }
    }

    private void commit(WriteBatch batch, TrackingToken last, int count) {
      if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        // Not committed: the page is applied again on resume, from the recorded token.
        throw new RebuildCancelledException(position(token));
      }
      long t0 = System.nanoTime();
      transaction.executeWithoutResult(
          status -> {
            if (lookup.dialect() == Dialect.POSTGRESQL) {
              // The shadow tables grow from empty within this session: a generic plan cached
              // while they were small (a sequential scan) would stay in use for the reads by id
              // as they grow, so every statement is planned for the tables as they are.
              jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            batch.flush(jdbc);
            recordToken(last);
          });
      if (lookup.dialect() == Dialect.POSTGRESQL && Long.bitCount(++commits) == 1) {
        // Statistics after the 1st, 2nd, 4th, 8th... transaction: the planner sees tables that
        // grew since the last ANALYZE, at a cost that stays small beside the writes.
        for (String table : layout.tables()) {
          jdbc.execute("ANALYZE " + ShadowTables.PREFIX + table);
        }
      }
      writeNanos += System.nanoTime() - t0;
      token = last;
      applied += count;
      head = Math.max(head, position(token));
      report(Phase.COPYING);
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

    void report(Phase phase) {
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = seconds > 0 ? applied / seconds : 0;
      long left = Math.max(0, head - position(token));
      Duration remaining =
          phase == Phase.DONE || left == 0
              ? Duration.ZERO
              : rate > 0 ? Duration.ofMillis((long) (left / rate * 1000)) : null;
      listener.progress(
          new RebuildProgress(phase, position(token), head, applied, rate, remaining));
    }
  }

  private WriteBatch newBatch() {
    if (uniqueColumns == null) {
      uniqueColumns = shadow.uniqueColumns();
    }
    WriteBatch batch =
        new CoalescingBatch(
            layout.tables().stream().map(t -> ShadowTables.PREFIX + t).toList(), uniqueColumns);
    // Read from the shadow tables, which only this rebuild writes, as the last commit left them.
    layout.writer().prepare(jdbc, batch);
    return batch;
  }

  /**
   * The swap: tables and tokens in one transaction on PostgreSQL, so a crash leaves either the old
   * tables with the old tokens or the new with the new. MySQL commits DDL on its own; the tokens
   * follow the rename at once, and a crash in between would at worst make the processor apply
   * already applied events to the new tables, which a re-run of the rebuild repairs.
   */
  private void swap(TrackingToken token) {
    TokenStore tokens = processing.tokenStore(layout.group());
    Runnable storeTokens =
        () -> {
          if (token == null) {
            return; // an empty log: nothing was applied, nothing to move
          }
          int[] segments = tokens.fetchSegments(layout.group());
          if (segments.length == 0) {
            tokens.initializeTokenSegments(layout.group(), 4, token);
          }
          for (int segment : tokens.fetchSegments(layout.group())) {
            tokens.storeToken(token, layout.group(), segment);
            tokens.releaseClaim(layout.group(), segment);
          }
          jdbc.update("DELETE FROM layout_rebuild_progress WHERE layout = ?", layout.name());
        };
    if (lookup.dialect() == Dialect.POSTGRESQL) {
      for (int attempt = 1; ; attempt++) {
        try {
          transaction.executeWithoutResult(
              status -> {
                shadow.swap();
                storeTokens.run();
              });
          break;
        } catch (org.springframework.dao.DataAccessException e) {
          // A reader holds a table (see ShadowTables.swap): readers are short, try again soon.
          // Spring does not always translate lock_not_available (55P03), hence the SQL state.
          if (!lockNotAvailable(e) || attempt == 1_000) {
            throw e;
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RebuildCancelledException(position(token));
          }
        }
      }
    } else {
      shadow.swap();
      transaction.executeWithoutResult(status -> storeTokens.run());
    }
    log.info(
        "layout {} rebuilt up to log position {} and swapped in", layout.name(), position(token));
  }

  /**
   * The live processor must be stopped everywhere before the swap: one running in another process
   * (the app, while {@code ops rebuild} runs) would keep writing the old tables and then overwrite
   * the tokens we set. Its claims in the token table show it.
   */
  private void requireNoOtherOwner() {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      List<String> owners =
          jdbc.queryForList(
              "SELECT owner FROM layout_token_entry WHERE processor_name = ? AND owner IS NOT NULL",
              String.class,
              layout.group());
      if (owners.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            layout.group()
                + " is running in another process ("
                + String.join(", ", owners)
                + "): stop it, or rebuild through that process's POST /api/v1/projections/"
                + layout.name()
                + "/rebuild; the live tables are untouched");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RebuildCancelledException(-1);
      }
    }
  }

  private void recordToken(TrackingToken token) {
    SerializedObject<String> serialized = tokenSerializer.serialize(token, String.class);
    int updated =
        jdbc.update(
            "UPDATE layout_rebuild_progress SET position = ?, token_type = ?, token = ?, updated = ?"
                + " WHERE layout = ?",
            position(token),
            serialized.getType().getName(),
            serialized.getData(),
            Instant.now().toString(),
            layout.name());
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO layout_rebuild_progress (layout, position, token_type, token, updated)"
              + " VALUES (?, ?, ?, ?, ?)",
          layout.name(),
          position(token),
          serialized.getType().getName(),
          serialized.getData(),
          Instant.now().toString());
    }
  }

  private Optional<TrackingToken> recordedToken() {
    return jdbc
        .query(
            "SELECT token_type, token FROM layout_rebuild_progress WHERE layout = ?",
            (rs, i) ->
                (TrackingToken)
                    tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(
                            rs.getString(2), String.class, rs.getString(1), null)),
            layout.name())
        .stream()
        .findFirst();
  }

  private static boolean lockNotAvailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  static long position(TrackingToken token) {
    return token == null ? 0 : token.position().orElse(0);
  }
}
