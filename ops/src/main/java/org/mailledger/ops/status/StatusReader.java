package org.mailledger.ops.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.progress.LayoutGroups;
import org.mailledger.projection.progress.LayoutStatuses;
import org.mailledger.projection.progress.LookupRecords;
import org.mailledger.projection.progress.ProjectionStatus;
import org.springframework.dao.DataAccessException;

/**
 * Reads the layouts' statuses with the same {@link LayoutStatuses} as the app's {@code GET
 * /projections}, given no processor (so from the stored tokens, claims, failure records and rebuild
 * progress), and adds what only an operator at the database needs: every segment's claim, and a
 * rebuild that stopped before its swap.
 *
 * <p>The tool does not know which layouts the app keeps ({@code mailledger.layouts} is the app's
 * setting): it shows every layout whose processor has left a token in the lookup database, as one
 * does on its first start, and {@code mum}, the default, when none has.
 */
final class StatusReader {

  private final LookupDatabase lookup;
  private final LayoutStatuses statuses;

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
    this.statuses = new LayoutStatuses(lookup, events, serializer);
  }

  List<LayoutStatus> all() {
    List<String> tokens = layoutsWithTokens();
    List<String> shown = tokens.isEmpty() ? List.of(Layouts.NAMES.get(0)) : tokens;
    return shown.stream().map(statuses::of).map(this::withOperatorView).toList();
  }

  /** The layouts whose processing group has a row in the token table, in the registry's order. */
  private List<String> layoutsWithTokens() {
    try {
      List<String> groups =
          lookup
              .jdbc()
              .queryForList("SELECT DISTINCT processor_name FROM layout_token_entry", String.class);
      return Layouts.NAMES.stream()
          .filter(layout -> groups.contains(LayoutGroups.of(layout)))
          .toList();
    } catch (DataAccessException e) {
      // Unreadable (down, or never migrated): the default layout's status says why.
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
            LayoutGroups.of(status.layout()));
    long interrupted =
        statuses
            .recordedRebuild(status.layout())
            .filter(recorded -> !recorded.alive())
            .map(LookupRecords.RecordedRebuild::position)
            .orElse(-1L);
    return new LayoutStatus(status, owners, interrupted);
  }
}
