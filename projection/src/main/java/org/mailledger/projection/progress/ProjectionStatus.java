package org.mailledger.projection.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One layout's place in the log, as {@code GET /projections} and {@code ops status} show it.
 *
 * @param position the log position every segment of the layout's processor has applied
 * @param head the newest event's position
 * @param lagEvents events between the two
 * @param lagMs how long ago the oldest event not applied yet was written; 0 when none
 * @param state running, rebuilding, stopped or error
 * @param owners each claimed segment's owner (the process holding its token claim, {@code
 *     pid@host}); left out when no process holds any
 * @param error the event a segment stopped on, under state error; left out otherwise
 * @param rebuildFailure why the layout's last rebuild failed, under state error until the next
 *     rebuild starts (the live tables were left as they were); left out otherwise
 */
public record ProjectionStatus(
    String layout,
    long position,
    long head,
    long lagEvents,
    long lagMs,
    String state,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, String> owners,
    @JsonInclude(JsonInclude.Include.NON_NULL) FailedEvent error,
    @JsonInclude(JsonInclude.Include.NON_NULL) RebuildFailure rebuildFailure) {

  public ProjectionStatus {
    owners =
        owners == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(owners));
  }
}
