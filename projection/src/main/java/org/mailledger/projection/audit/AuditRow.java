package org.mailledger.projection.audit;

import java.time.Instant;

/**
 * One row of {@code audit_entry}: one event of the log, described for people. The event's global
 * index is looked up by {@code eventIdentifier} when the batch is written: a tracking token's
 * position is the highest index seen, which for an event that filled a gap (committed after a later
 * one) is not its own.
 */
record AuditRow(
    String eventIdentifier,
    Instant occurredAt,
    String actor,
    String source,
    String correlationId,
    String eventType,
    String payloadType,
    AuditSubject subject,
    String aggregateId,
    String change) {}
