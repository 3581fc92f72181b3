package org.mailledger.projection.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit writes of one processor transaction, sent as two JDBC batches when it commits. Settings
 * read for a change event are cached for the rest of the transaction, so a batch of events of one
 * aggregate reads {@code audit_state} once and writes it once. Rows are upserts by position, so a
 * replayed event rewrites its row instead of failing or doubling it.
 */
final class AuditBatch implements AuditState {

  static final List<String> ENTRY_COLUMNS =
      List.of(
          "global_index",
          "occurred_at",
          "actor",
          "source",
          "correlation_id",
          "event_type",
          "payload_type",
          "entity_kind",
          "entity",
          "entity_before",
          "entity_domain",
          "aggregate_id",
          "change_json");

  static String upsertEntry(EventStoreDialect dialect) {
    return dialect.upsert(
        "INSERT INTO audit_entry ("
            + String.join(", ", ENTRY_COLUMNS)
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(ENTRY_COLUMNS.size(), "?"))
            + ")",
        "global_index",
        ENTRY_COLUMNS.subList(1, ENTRY_COLUMNS.size()));
  }

  private static String upsertState(EventStoreDialect dialect) {
    return dialect.upsert(
        "INSERT INTO audit_state (aggregate_id, state) VALUES (?, ?)",
        "aggregate_id",
        List.of("state"));
  }

  private static final String DELETE_STATE = "DELETE FROM audit_state WHERE aggregate_id = ?";

  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;
  private final ObjectMapper json;
  private final List<AuditRow> rows = new ArrayList<>();
  // null value: known to have no remembered settings
  private final Map<String, ObjectNode> loaded = new HashMap<>();
  private final Map<String, ObjectNode> touched = new LinkedHashMap<>();

  AuditBatch(JdbcTemplate jdbc, EventStoreDialect dialect, ObjectMapper json) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.json = json;
  }

  void add(AuditRow row) {
    rows.add(row);
  }

  @Override
  public ObjectNode load(String aggregateId) {
    if (!loaded.containsKey(aggregateId)) {
      List<String> found =
          jdbc.queryForList(
              "SELECT state FROM audit_state WHERE aggregate_id = ?", String.class, aggregateId);
      loaded.put(aggregateId, found.isEmpty() ? null : parse(found.get(0)));
    }
    ObjectNode settings = loaded.get(aggregateId);
    return settings == null ? null : settings.deepCopy();
  }

  @Override
  public void remember(String aggregateId, ObjectNode settings) {
    loaded.put(aggregateId, settings);
    touched.put(aggregateId, settings);
  }

  @Override
  public void forget(String aggregateId) {
    loaded.put(aggregateId, null);
    touched.put(aggregateId, null);
  }

  /** Sends everything, in the processor's transaction. */
  void flush() {
    Map<String, Long> positions = positions();
    List<Object[]> entries = new ArrayList<>(rows.size());
    for (AuditRow row : rows) {
      AuditSubject subject = row.subject();
      Long position = positions.get(row.eventIdentifier());
      if (position == null) {
        throw new IllegalStateException("event " + row.eventIdentifier() + " is not in the log");
      }
      entries.add(
          new Object[] {
            position,
            dialect.instant(row.occurredAt()),
            row.actor(),
            row.source(),
            row.correlationId(),
            row.eventType(),
            row.payloadType(),
            subject.kind(),
            subject.entity(),
            subject.entityBefore(),
            subject.domain(),
            row.aggregateId(),
            row.change()
          });
    }
    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> deletes = new ArrayList<>();
    touched.forEach(
        (aggregateId, settings) -> {
          if (settings == null) {
            deletes.add(new Object[] {aggregateId});
          } else {
            upserts.add(new Object[] {aggregateId, settings.toString()});
          }
        });
    if (!entries.isEmpty()) {
      jdbc.batchUpdate(upsertEntry(dialect), entries);
    }
    if (!upserts.isEmpty()) {
      jdbc.batchUpdate(upsertState(dialect), upserts);
    }
    if (!deletes.isEmpty()) {
      jdbc.batchUpdate(DELETE_STATE, deletes);
    }
    rows.clear();
    touched.clear();
  }

  /** The global index of each event of the batch, in one query. */
  private Map<String, Long> positions() {
    Map<String, Long> positions = new HashMap<>();
    if (rows.isEmpty()) {
      return positions;
    }
    List<String> ids = rows.stream().map(AuditRow::eventIdentifier).toList();
    jdbc.query(
        "SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          positions.put(rs.getString(1), rs.getLong(2));
        },
        ids.toArray());
    return positions;
  }

  private ObjectNode parse(String text) {
    try {
      return (ObjectNode) json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit_state holds no JSON object: " + e.getMessage(), e);
    }
  }
}
