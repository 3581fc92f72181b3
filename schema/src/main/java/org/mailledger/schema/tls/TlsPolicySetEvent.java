package org.mailledger.schema.tls;

import org.axonframework.serialization.Revision;

/**
 * The TLS policy for a destination domain was set; policy is Postfix's name (e.g. 'dane-only'),
 * params its attributes.
 */
@Revision("1")
public record TlsPolicySetEvent(
    String destination, String policy, String params, String description)
    implements TlsPolicyEvent {}
