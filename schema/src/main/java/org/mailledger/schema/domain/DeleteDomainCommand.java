package org.mailledger.schema.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a domain; refused while it holds mailboxes or aliases. */
public record DeleteDomainCommand(@TargetAggregateIdentifier String domainId) {}
