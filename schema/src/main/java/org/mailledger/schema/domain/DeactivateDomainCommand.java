package org.mailledger.schema.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a domain from receiving and sending mail, keeping its mailboxes and aliases. */
public record DeactivateDomainCommand(@TargetAggregateIdentifier String domainId) {}
