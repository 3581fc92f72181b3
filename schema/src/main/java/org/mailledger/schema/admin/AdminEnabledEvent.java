package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** A disabled admin account was enabled again. */
@Revision("1")
public record AdminEnabledEvent(String adminId, String name) implements AdminEvent {}
