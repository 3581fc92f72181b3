package org.mailledger.projection.rebuild;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
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
 *
 * <p>This class runs the steps in order; the parts are named after what they do: {@link LogCopy}
 * (with its {@link DecoderPool} and {@link ShadowCommits}), {@link RebuildRun} and {@link
 * RebuildClock} (where a run stands and where its time goes), {@link RecordedProgress} (the resume
 * point), {@link TokenHandover} and {@link SwapTransaction}.
 */
public class LayoutRebuilder {

  private static final Logger log = LoggerFactory.getLogger(LayoutRebuilder.class);

  /** A catch-up round that applied fewer events than this is followed by the swap. */
  private static final long SWAP_WITHIN = 2_000;

  private final LookupDatabase lookup;
  private final EventStorageEngine events;
  private final LogPages pages;
  private final Serializer tokenSerializer;
  private final EventProcessingConfiguration processing;
  private final RebuildLayout layout;
  private final RebuildSettings settings;
  private final int segments;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ShadowTables shadow;
  private final RecordedProgress progress;
  private final TokenHandover tokens;
  private final SwapTransaction swap;
  private Map<String, Set<String>> uniqueColumns;
  private volatile Timings lastTimings;

  /**
   * @param events the storage engine, for the head and for reading when {@code pages} is null
   * @param pages the fast reader; null to read through {@code events} (upcasters configured)
   * @param tokenSerializer the serializer of the live processor's token store, so the token written
   *     for it reads back as its own
   * @param segments the segments the live processor starts with ({@code
   *     ProjectionProperties.segmentsFor}): the swap creates that many where the token table holds
   *     none of the layout's
   */
  public LayoutRebuilder(
      LookupDatabase lookup,
      EventStorageEngine events,
      LogPages pages,
      Serializer tokenSerializer,
      EventProcessingConfiguration processing,
      RebuildLayout layout,
      RebuildSettings settings,
      int segments) {
    this.lookup = lookup;
    this.events = events;
    this.pages = pages;
    this.tokenSerializer = tokenSerializer;
    this.processing = processing;
    this.layout = layout;
    this.settings = settings;
    this.segments = segments;
    this.jdbc = lookup.jdbc();
    this.transaction =
        new TransactionTemplate(new DataSourceTransactionManager(lookup.dataSource()));
    this.shadow = new ShadowTables(jdbc, lookup.dialect(), layout);
    this.progress = new RecordedProgress(jdbc, tokenSerializer, layout.name());
    this.tokens = new TokenHandover(jdbc, processing, layout, segments);
    this.swap = new SwapTransaction(lookup.dialect(), transaction, shadow, tokens, progress);
  }

  /** The layout this rebuilder rebuilds, as {@code mailledger.layouts} names it. */
  public String layout() {
    return layout.name();
  }

  /** The same rebuilder with other settings (tests: small transactions). */
  public LayoutRebuilder with(RebuildSettings other) {
    return new LayoutRebuilder(
        lookup, events, pages, tokenSerializer, processing, layout, other, segments);
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
    progress.clearFailure();
    try {
      return run(resume, listener, cancelled);
    } catch (RebuildCancelledException e) {
      throw e; // stopped on purpose: the shadow tables and the progress stay for a resume
    } catch (RuntimeException e) {
      failed(e);
      throw e;
    }
  }

  /**
   * A failed rebuild leaves the live tables as they were and nothing of its own: its shadow tables
   * are dropped and its progress forgotten (a resume would meet the same failure), and the cause is
   * recorded for the layout's status, which shows error until the next rebuild starts.
   */
  private void failed(RuntimeException cause) {
    log.error("rebuild of layout {} failed; the live tables are untouched", layout.name(), cause);
    try {
      shadow.drop(ShadowTables.PREFIX);
      shadow.drop(ShadowTables.OLD);
      progress.clear();
      progress.recordFailure(rootMessage(cause));
    } catch (RuntimeException cleanup) {
      // The lookup database may be what failed: the cause still reaches the caller.
      cause.addSuppressed(cleanup);
    }
  }

  /** The exception's message, and its root cause's where that says more. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = String.valueOf(e.getMessage());
    String bottom = root.getMessage();
    return root == e || bottom == null || top.contains(bottom) ? top : top + ": " + bottom;
  }

  private long run(boolean resume, RebuildListener listener, BooleanSupplier cancelled) {
    shadow.requireSwappable();
    RebuildRun run = new RebuildRun(listener, this::head);
    run.report(Phase.PREPARING);
    Optional<TrackingToken> recorded = resume ? progress.recorded() : Optional.empty();
    if (recorded.isPresent() && shadow.exist()) {
      run.resumeAt(recorded.get());
      log.info("resuming the rebuild of layout {} at {}", layout.name(), run.position());
    } else {
      shadow.create();
      progress.clear();
    }
    LogCopy copy =
        new LogCopy(
            run,
            events,
            pages,
            settings,
            layout.writer(),
            this::newBatch,
            new ShadowCommits(lookup.dialect(), jdbc, transaction, layout, progress),
            cancelled);
    // Catch up while the live processor keeps the live tables current.
    long applied;
    do {
      applied = copy.toHead();
    } while (applied >= SWAP_WITHIN);

    Optional<StreamingEventProcessor> processor =
        processing.eventProcessor(layout.group(), StreamingEventProcessor.class);
    processor.ifPresent(StreamingEventProcessor::shutDown);
    try {
      tokens.requireNoOtherOwner();
      copy.toHead();
      run.report(Phase.SWAPPING);
      swap.swap(run.token());
      log.info(
          "layout {} rebuilt up to log position {} and swapped in", layout.name(), run.position());
    } finally {
      processor.ifPresent(StreamingEventProcessor::start);
    }
    run.report(Phase.DONE);
    lastTimings = run.clock().timings();
    return run.position();
  }

  /**
   * Where the last completed rebuild of this instance spent its time, for the benchmark.
   *
   * @param readWait waiting for the next page to be read and decoded (the reading runs meanwhile)
   * @param apply folding the events through the writer into the batch
   * @param write sending the shadow-table transactions and committing them
   */
  public record Timings(double total, double readWait, double apply, double write) {}

  public Optional<Timings> lastTimings() {
    return Optional.ofNullable(lastTimings);
  }

  /** What a rebuild would resume from, if one was interrupted. */
  public Optional<Long> recordedPosition() {
    return progress.recorded().map(LayoutRebuilder::position);
  }

  public long head() {
    return position(events.createHeadToken());
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

  static long position(TrackingToken token) {
    return token == null ? 0 : token.position().orElse(0);
  }
}
