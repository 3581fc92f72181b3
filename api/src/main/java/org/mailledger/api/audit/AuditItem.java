package org.mailledger.api.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of the history as the API shows it.
 *
 * @param position the event's position in the log
 * @param change the event's fields as JSON, before/after for changed settings (never a hash)
 * @param domain the managed domain of the entity, which decides who may see the entry
 */
public record AuditItem(
    long position,
    Instant time,
    String actor,
    String source,
    String correlationId,
    String type,
    String kind,
    String entity,
    String entityBefore,
    String aggregateId,
    @JsonRawValue String change,
    @JsonIgnore String domain) {}
