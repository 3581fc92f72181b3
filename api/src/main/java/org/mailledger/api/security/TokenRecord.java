package org.mailledger.api.security;

import java.time.Instant;

/** An API token as the authentication read model has it: never the secret, never its hash. */
public record TokenRecord(
    String tokenId,
    String adminId,
    String adminName,
    String description,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  public String state(Instant now) {
    if (revokedAt != null) {
      return "revoked";
    }
    return expiresAt.isAfter(now) ? "active" : "expired";
  }
}
