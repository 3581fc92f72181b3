package org.mailledger.projection.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.lookup.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Axon side of a layout: hands every event to the layout's {@link LayoutWriter}, and sends the
 * transaction's writes as JDBC batches when it commits (see {@link WriteBatch}). One instance per
 * kept layout, registered by {@link LayoutProcessors} in the layout's own processing group; every
 * write is idempotent (upserts by natural key, updates by row id), and an update or delete that
 * finds no row stops the processor instead of losing the change.
 */
public final class LayoutProjection {

  private final JdbcTemplate jdbc;
  private final LayoutWriter writer;
  private final List<String> tables;
  private final String batchKey;

  public LayoutProjection(LookupDatabase lookup, LayoutDescriptor layout) {
    this.jdbc = lookup.jdbc();
    this.writer = layout.writer(lookup.dialect());
    this.tables = layout.tables();
    this.batchKey = LayoutProjection.class.getName() + ".batch." + layout.name();
  }

  /** Every event of the log; the writer decides which ones change the layout's tables. */
  @EventHandler
  void on(Object event, @Timestamp Instant timestamp) {
    writer.apply(event, timestamp, batch());
  }

  /**
   * This transaction's writes, sent just before it commits. Each statement is marked with the event
   * it comes from, so a {@code MissingRowException} names that event and not the batch's first.
   */
  private WriteBatch batch() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    WriteBatch batch =
        unitOfWork.getOrComputeResource(
            batchKey,
            key -> {
              WriteBatch created = writer.newBatch();
              writer.prepare(jdbc, created);
              unitOfWork.onPrepareCommit(u -> created.flush(jdbc));
              return created;
            });
    batch.origin(CurrentUnitOfWork.get().getMessage());
    return batch;
  }

  /** A replay starts from empty tables; only this layout's own tables, children first. */
  @ResetHandler
  void reset() {
    List<String> childrenFirst = new ArrayList<>(tables);
    Collections.reverse(childrenFirst);
    for (String table : childrenFirst) {
      jdbc.update("DELETE FROM " + table);
    }
  }
}
