package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** A domain admin may no longer manage {@code domain}. */
@Revision("1")
public record AdminDomainRevokedEvent(String adminId, String name, String domain)
    implements AdminEvent {}
