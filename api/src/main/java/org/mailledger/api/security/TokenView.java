package org.mailledger.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An API token as listings show it: never the secret, never its hash. {@code state} is {@code
 * active}, {@code expired} or {@code revoked}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
    String id,
    String admin,
    String description,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    String state) {

  static TokenView of(TokenRecord token, Instant now) {
    return new TokenView(
        token.tokenId(),
        token.adminName(),
        token.description(),
        token.createdAt(),
        token.expiresAt(),
        token.revokedAt(),
        token.state(now));
  }
}
