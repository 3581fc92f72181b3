package org.mailledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The readable {@code change} of an audit row: the event's fields without what the row's own
 * columns already say (the aggregate id, the entity), secrets redacted, a rename as {@code
 * "address": {"before", "after"}}, and for tracked settings ({@link Tracking}) only those that
 * changed, each as {@code {"before", "after"}}. When nothing was remembered for the aggregate (a
 * log that started before the audit did, say), the new values are shown as they are.
 */
final class AuditChange {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AuditChange() {}

  static ObjectNode describe(
      ObjectNode fields,
      String eventType,
      String aggregateId,
      AuditSubject subject,
      Tracking tracking,
      AuditState state) {
    ObjectNode change = fields.deepCopy();
    Redaction.apply(change, eventType);
    if (change.has("oldAddress") && change.has("newAddress")) {
      JsonNode before = change.remove("oldAddress");
      JsonNode after = change.remove("newAddress");
      change.set("address", beforeAfter(before, after));
    }
    dropRepeatedColumns(
        change, aggregateId, subject.entity(), tracking == null ? List.of() : tracking.fields());
    if (tracking != null && aggregateId != null) {
      track(change, aggregateId, tracking, state);
    }
    return change;
  }

  private static void track(
      ObjectNode change, String aggregateId, Tracking tracking, AuditState state) {
    ObjectNode after = JSON.objectNode();
    for (String field : tracking.fields()) {
      if (change.has(field)) {
        after.set(field, change.get(field));
      }
    }
    for (Map.Entry<String, Object> implied : tracking.implied().entrySet()) {
      after.set(implied.getKey(), JSON.booleanNode((Boolean) implied.getValue()));
    }
    switch (tracking.op()) {
      case START -> {
        change.setAll(after);
        state.remember(aggregateId, after);
      }
      case CHANGE -> {
        ObjectNode before = state.load(aggregateId);
        for (Map.Entry<String, JsonNode> field : entries(after)) {
          JsonNode previous = before == null ? null : before.get(field.getKey());
          if (previous == null) {
            change.set(field.getKey(), field.getValue());
          } else if (same(previous, field.getValue())) {
            change.remove(field.getKey());
          } else {
            change.set(field.getKey(), beforeAfter(previous, field.getValue()));
          }
        }
        ObjectNode merged = before == null ? JSON.objectNode() : before.deepCopy();
        merged.setAll(after);
        state.remember(aggregateId, merged);
      }
      case FORGET -> state.forget(aggregateId);
    }
  }

  /** Settings stay even when they happen to equal the entity (a description naming the domain). */
  private static void dropRepeatedColumns(
      ObjectNode change, String aggregateId, String entity, List<String> settings) {
    for (Map.Entry<String, JsonNode> field : entries(change)) {
      JsonNode value = field.getValue();
      if (!settings.contains(field.getKey())
          && value.isTextual()
          && (value.asText().equals(aggregateId) || value.asText().equalsIgnoreCase(entity))) {
        change.remove(field.getKey());
      }
    }
  }

  private static ObjectNode beforeAfter(JsonNode before, JsonNode after) {
    ObjectNode node = JSON.objectNode();
    node.set("before", before);
    node.set("after", after);
    return node;
  }

  /** Numbers compare by value: a long written and an int read back are the same setting. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static List<Map.Entry<String, JsonNode>> entries(ObjectNode node) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }
}
