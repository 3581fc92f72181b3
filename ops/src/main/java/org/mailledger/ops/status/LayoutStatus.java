package org.mailledger.ops.status;

import java.util.Map;
import org.mailledger.projection.progress.ProjectionStatus;

/**
 * One layout as {@code ops status} prints it: the same status as {@code GET /api/v1/projections},
 * plus what only an operator at the database needs.
 *
 * @param owners each segment's claim owner in the token table, null where unclaimed
 * @param interruptedRebuild position of a rebuild that stopped before its swap, or -1
 */
record LayoutStatus(
    ProjectionStatus status, Map<Integer, String> owners, long interruptedRebuild) {}
