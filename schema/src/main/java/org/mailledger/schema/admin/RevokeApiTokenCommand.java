package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke an API token before it expires; revoking a revoked token changes nothing. */
public record RevokeApiTokenCommand(@TargetAggregateIdentifier String tokenId) {}
