package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/**
 * An API token was issued to an admin. {@code tokenHash} is the lower-case hex SHA-256 of the whole
 * secret as the client sends it; the secret itself is shown once and never recorded. {@code
 * expiresAt} is an ISO-8601 instant.
 */
@Revision("1")
public record ApiTokenIssuedEvent(
    String tokenId,
    String adminId,
    String adminName,
    String tokenHash,
    String description,
    String expiresAt)
    implements AdminEvent {}
