package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** An API token was revoked before its expiry. */
@Revision("1")
public record ApiTokenRevokedEvent(String tokenId, String adminId, String adminName)
    implements AdminEvent {}
