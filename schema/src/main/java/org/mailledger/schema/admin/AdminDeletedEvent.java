package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** An admin account was deleted, and with it every way to log in as it. */
@Revision("1")
public record AdminDeletedEvent(String adminId, String name) implements AdminEvent {}
