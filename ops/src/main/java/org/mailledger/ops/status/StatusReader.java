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
import org.mailledger.projection.dinomail.DinoMailLayout;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.postfixadmin.PostfixAdminLayout;
import org.mailledger.projection.progress.LayoutStatuses;
import org.mailledger.projection.rebuild.LayoutRebuilder;
import org.mailledger.projection.rebuild.ProjectionStatus;
import org.mailledger.projection.rebuild.ProjectionStatuses;
import org.springframework.dao.DataAccessException;

/**
 * Reads the layouts' statuses as the app's {@code GET /projections} does, given no processor (so
 * from the stored tokens, claims and failure records): {@code mum} with the same {@link
 * ProjectionStatuses}, the other layouts with the same {@link LayoutStatuses}. It adds what the app
 * knows only in its own memory: whether a rebuild is under way, which {@code
 * layout_rebuild_progress} shows.
 *
 * <p>The tool does not know which layouts the app keeps ({@code mailledger.layouts} is the app's
 * setting): it shows every layout whose processor has left a token in the lookup database, as one
 * does on its first start, and {@code mum}, the default, when none has.
 */
final class StatusReader {

  /**
   * A rebuild records its position after every page, a second or less apart; a row untouched for
   * longer than this belongs to a rebuild that was stopped (Ctrl-C, crash) and waits for a resume.
   */
  static final Duration REBUILD_ALIVE = Duration.ofSeconds(60);

  /** Every layout there is, in the order they are shown. */
  static final List<String> LAYOUTS =
      List.of(LayoutRebuilder.LAYOUT, PostfixAdminLayout.NAME, DinoMailLayout.NAME);

  private final LookupDatabase lookup;
  private final ProjectionStatuses statuses;
  private final LayoutStatuses layouts;

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
    this.layouts = new LayoutStatuses(lookup, events, serializer);
  }

  List<LayoutStatus> all() {
    List<String> tokens = layoutsWithTokens();
    return LAYOUTS.stream()
        .filter(
            layout ->
                tokens.contains(layout)
                    || (tokens.isEmpty() && layout.equals(LayoutRebuilder.LAYOUT)))
        .map(
            layout ->
                layout.equals(LayoutRebuilder.LAYOUT)
                    ? statuses.of(layout).orElseThrow()
                    : layouts.of(layout))
        .map(this::withOperatorView)
        .toList();
  }

  /** The layouts whose processing group has a row in the token table. */
  private List<String> layoutsWithTokens() {
    try {
      List<String> groups =
          lookup
              .jdbc()
              .queryForList("SELECT DISTINCT processor_name FROM layout_token_entry", String.class);
      return LAYOUTS.stream().filter(layout -> groups.contains("layout-" + layout)).toList();
    } catch (DataAccessException e) {
      // Unreadable (down, or never migrated): the mum status says why.
      return List.of();
    }
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
            "layout-" + status.layout());
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
