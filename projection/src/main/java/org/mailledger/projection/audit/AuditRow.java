package org.mailledger.projection.audit;

import java.time.Instant;

/** One row of {@code audit_entry}: one event of the log, described for people. */
record AuditRow(
    long globalIndex,
    Instant occurredAt,
    String actor,
    String source,
    String correlationId,
    String eventType,
    String payloadType,
    AuditSubject subject,
    String aggregateId,
    String change) {}
