package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** An admin account was disabled: neither its password nor its tokens log in. */
@Revision("1")
public record AdminDisabledEvent(String adminId, String name) implements AdminEvent {}
