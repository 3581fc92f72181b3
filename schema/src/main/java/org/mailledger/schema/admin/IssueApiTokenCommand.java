package org.mailledger.schema.admin;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue an API token that acts as the admin {@code adminId} until {@code expiresAt}. The handler
 * generates the secret and answers it; only its hash is kept.
 */
public record IssueApiTokenCommand(
    @TargetAggregateIdentifier String tokenId,
    String adminId,
    String description,
    Instant expiresAt) {}
