package org.mailledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.UnknownSerializedType;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one {@code audit_entry} row per event of the log, whatever its type: who (actor, source,
 * correlation id from the metadata), when, what kind of thing and which one ({@link AuditSubject}),
 * and the change in readable form ({@link AuditChange}). Rows are keyed by the event's position, so
 * a replay rewrites them identically; the token lives in the event store's {@code token_entry} and
 * commits with the rows.
 */
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection {

  public static final String GROUP = "audit";
  private static final String BATCH = AuditProjection.class.getName() + ".batch";

  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;
  // Its own mapper: the change must show the event's fields as the log has them, whatever the
  // application's mapper is configured to do for HTTP.
  private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

  public AuditProjection(JdbcTemplate jdbc, EventStoreDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @EventHandler
  void on(Object payload, EventMessage<?> event) {
    if (!(event instanceof TrackedEventMessage<?>)) {
      throw new IllegalStateException("the audit reads the log only through a tracking token");
    }
    String payloadType;
    ObjectNode fields;
    if (payload instanceof UnknownSerializedType unknown) {
      // An event whose class this build does not have: recorded from its JSON all the same.
      payloadType = unknown.serializedType().getName();
      fields = asObject(unknown.readData(JsonNode.class));
    } else {
      payloadType = payload.getClass().getName();
      fields = asObject(roundTrip(payload));
    }
    String eventType = shortType(payloadType);
    AuditSubject subject = AuditSubject.of(payloadType, fields);
    String aggregateId = aggregateId(event);
    AuditBatch batch = batch();
    ObjectNode change =
        AuditChange.describe(
            fields, eventType, aggregateId, subject, Tracking.of(payload.getClass()), batch);
    batch.add(
        new AuditRow(
            event.getIdentifier(),
            event.getTimestamp(),
            metadata(event, "actor"),
            metadata(event, "source"),
            metadata(event, "correlationId"),
            eventType,
            payloadType,
            subject,
            aggregateId,
            change.toString()));
  }

  /** A replay starts from an empty history; only the audit's own tables are touched. */
  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM audit_entry");
    jdbc.update("DELETE FROM audit_state");
  }

  /** {@code MailboxCreatedEvent} gives {@code MailboxCreated}. */
  static String shortType(String payloadType) {
    String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    return simple.endsWith("Event") && simple.length() > 5
        ? simple.substring(0, simple.length() - 5)
        : simple;
  }

  private AuditBatch batch() {
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        BATCH,
        key -> {
          AuditBatch batch = new AuditBatch(jdbc, dialect, json);
          unitOfWork.onPrepareCommit(u -> batch.flush());
          return batch;
        });
  }

  /** Events appended outside an aggregate are stored by Axon with no aggregate type. */
  private static String aggregateId(EventMessage<?> event) {
    return event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null
        ? domainEvent.getAggregateIdentifier()
        : null;
  }

  private static String metadata(EventMessage<?> event, String key) {
    Object value = event.getMetaData().get(key);
    return value == null ? null : value.toString();
  }

  /** Through text, so that numbers read the same as settings read back from audit_state. */
  private JsonNode roundTrip(Object payload) {
    try {
      return json.readTree(json.writeValueAsBytes(payload));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode asObject(JsonNode node) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    ObjectNode wrapped = json.createObjectNode();
    wrapped.set("value", node);
    return wrapped;
  }
}
