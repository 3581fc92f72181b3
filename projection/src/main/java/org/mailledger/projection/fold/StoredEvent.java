package org.mailledger.projection.fold;

/**
 * One row of {@code domain_event_entry}, as stored: the payload and metadata are Jackson JSON
 * bytes, the time stamp Axon's fixed-width ISO text in UTC.
 */
public record StoredEvent(
    long position,
    String timeStamp,
    String payloadType,
    String aggregateId,
    long sequence,
    byte[] payload,
    byte[] metaData) {

  /** The payload type's simple name, {@code MailboxCreatedEvent}. */
  public String simpleType() {
    return payloadType.substring(payloadType.lastIndexOf('.') + 1);
  }
}
