package org.mailledger.schema.tls;

import org.axonframework.serialization.Revision;

/** The TLS policy for a destination domain was removed. */
@Revision("1")
public record TlsPolicyRemovedEvent(String destination) implements TlsPolicyEvent {}
