package org.mailledger.projection.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The remembered settings of aggregates, as the audit transaction at hand sees them. */
interface AuditState {

  /** The settings last remembered for the aggregate; null when none are. */
  ObjectNode load(String aggregateId);

  void remember(String aggregateId, ObjectNode settings);

  void forget(String aggregateId);
}
