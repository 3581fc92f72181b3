package org.mailledger.schema.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a domain receive and send mail again. */
public record ActivateDomainCommand(@TargetAggregateIdentifier String domainId) {}
