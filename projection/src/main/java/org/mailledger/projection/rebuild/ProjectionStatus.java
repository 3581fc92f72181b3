package org.mailledger.projection.rebuild;

/**
 * One layout's place in the log, as {@code GET /projections} and {@code ops status} show it.
 *
 * @param position the log position every segment of the layout's processor has applied
 * @param head the newest event's position
 * @param lagEvents events between the two
 * @param lagMs how long ago the oldest event not applied yet was written; 0 when none
 * @param state running, rebuilding, stopped or error
 */
public record ProjectionStatus(
    String layout, long position, long head, long lagEvents, long lagMs, String state) {}
