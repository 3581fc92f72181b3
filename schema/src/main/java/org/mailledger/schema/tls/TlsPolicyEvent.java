package org.mailledger.schema.tls;

import org.mailledger.schema.MailEvent;

/**
 * The events of the TLS policy for a destination: sequenced by the destination on their own, apart
 * from a hosted domain of the same name, since a policy row depends on no other row.
 */
public sealed interface TlsPolicyEvent extends MailEvent
    permits TlsPolicySetEvent, TlsPolicyRemovedEvent {

  /** The destination domain the policy is for. */
  String destination();

  @Override
  default String sequencingKey() {
    return "tls:" + destination();
  }
}
