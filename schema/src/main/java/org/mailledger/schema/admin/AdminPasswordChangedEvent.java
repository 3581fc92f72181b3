package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** An admin's password was changed; only the new hash is recorded. */
@Revision("1")
public record AdminPasswordChangedEvent(String adminId, String name, String passwordHash)
    implements AdminEvent {}
