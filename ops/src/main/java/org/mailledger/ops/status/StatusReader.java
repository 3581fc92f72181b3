package org.mailledger.ops.status;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.mum.MumLayoutProjection;
import org.mailledger.projection.rebuild.LayoutRebuilder;
import org.mailledger.projection.rebuild.ProjectionStatus;
import org.mailledger.projection.rebuild.ProjectionStatuses;
import org.springframework.dao.DataAccessException;

/**
 * Reads the layouts' statuses with the same {@link ProjectionStatuses} as the app, given no
 * processor (so it reads the stored tokens and the claims), and adds what the app knows only in its
 * own memory: whether a rebuild is under way, which {@code layout_rebuild_progress} shows.
 */
final class StatusReader {

  /**
   * A rebuild records its position after every page, a second or less apart; a row untouched for
   * longer than this belongs to a rebuild that was stopped (Ctrl-C, crash) and waits for a resume.
   */
  static final Duration REBUILD_ALIVE = Duration.ofSeconds(60);

  private final LookupDatabase lookup;
  private final ProjectionStatuses statuses;

  StatusReader(DataSource eventStore, DataSource lookupDataSource) {
    this.lookup = new LookupDatabase(lookupDataSource);
    // Only heads, timestamps and tokens are read: the payloads are never deserialized, so Axon's
    // default Jackson serializer reads what the app's wrote.
    JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    JdbcEventStorageEngine events =
        JdbcEventStorageEngine.builder()
            .connectionProvider(new DataSourceConnectionProvider(eventStore))
            .transactionManager(NoTransactionManager.INSTANCE)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .schema(EventStoreSchema.of())
            .build();
    this.statuses = new ProjectionStatuses(lookup, events, serializer, null, null, null);
  }

  List<LayoutStatus> all() {
    return statuses.all().stream().map(this::withOperatorView).toList();
  }

  private LayoutStatus withOperatorView(ProjectionStatus status) {
    Map<Integer, String> owners = new LinkedHashMap<>();
    lookup
        .jdbc()
        .query(
            "SELECT segment, owner FROM layout_token_entry WHERE processor_name = ?"
                + " ORDER BY segment",
            rs -> {
              owners.put(rs.getInt(1), rs.getString(2));
            },
            MumLayoutProjection.GROUP);
    long interrupted = -1;
    Optional<Object[]> recorded = recordedRebuild(status.layout());
    if (recorded.isPresent()) {
      if (alive((String) recorded.get()[1])) {
        status =
            new ProjectionStatus(
                status.layout(),
                status.position(),
                status.head(),
                status.lagEvents(),
                status.lagMs(),
                "rebuilding",
                status.owners(),
                status.error());
      } else {
        interrupted = (Long) recorded.get()[0];
      }
    }
    return new LayoutStatus(status, owners, interrupted);
  }

  /** Position and time of the rebuild's last page, if one is recorded. */
  private Optional<Object[]> recordedRebuild(String layout) {
    if (!LayoutRebuilder.LAYOUT.equals(layout)) {
      return Optional.empty();
    }
    try {
      return lookup
          .jdbc()
          .query(
              "SELECT position, updated FROM layout_rebuild_progress WHERE layout = ?",
              (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
              layout)
          .stream()
          .findFirst();
    } catch (DataAccessException e) {
      // No such table: this lookup database has never seen a rebuild.
      return Optional.empty();
    }
  }

  private static boolean alive(String updated) {
    try {
      return Duration.between(Instant.parse(updated), Instant.now()).compareTo(REBUILD_ALIVE) < 0;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
