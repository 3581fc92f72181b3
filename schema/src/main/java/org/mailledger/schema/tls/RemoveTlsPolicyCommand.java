package org.mailledger.schema.tls;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;

/** Remove the TLS policy for a destination domain, back to Postfix's default. */
public record RemoveTlsPolicyCommand(@TargetAggregateIdentifier DomainName destination) {}
