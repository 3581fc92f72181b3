package org.mailledger.schema.tls;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;

/**
 * Set the outgoing TLS policy for mail to a destination domain, as Postfix's smtp_tls_policy_maps
 * reads it.
 */
public record SetTlsPolicyCommand(
    @TargetAggregateIdentifier DomainName destination,
    TlsPolicyLevel policy,
    String params,
    String description) {}
