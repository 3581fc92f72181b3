package org.mailledger.ops.status;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The snake_case event tables Flyway creates, as the command side's AxonStorageConfig names them
 * for Axon; repeated here because the tool does not depend on the command side.
 */
public final class EventStoreSchema {

  private EventStoreSchema() {}

  public static EventSchema of() {
    return EventSchema.builder()
        .eventTable("domain_event_entry")
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .timestampColumn("time_stamp")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }
}
