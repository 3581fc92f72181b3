package org.mailledger.projection.progress;

/**
 * The event a layout processor's segment stopped on: what {@code GET /projections} and {@code ops
 * status} name under state {@code error}.
 *
 * @param segment the processor segment that stopped, the others going on; -1 when the event could
 *     not be routed to a segment (its payload does not decode) and every segment waits
 * @param position the event's global index in the log
 * @param type the event's type, e.g. {@code MailboxQuotaChangedEvent}
 * @param aggregate the aggregate (domain, mailbox, alias) the event belongs to
 * @param message why applying it failed
 * @param firstFailed when it first failed (ISO-8601)
 * @param lastFailed when it last failed (ISO-8601)
 * @param attempts how many times it was tried; the next try waits twice as long as the last
 * @param node the process that last tried it
 */
public record FailedEvent(
    int segment,
    long position,
    String type,
    String aggregate,
    String message,
    String firstFailed,
    String lastFailed,
    int attempts,
    String node) {}
