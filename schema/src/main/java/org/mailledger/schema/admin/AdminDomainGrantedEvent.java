package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/** A domain admin may now manage {@code domain} (ASCII, punycode for international names). */
@Revision("1")
public record AdminDomainGrantedEvent(String adminId, String name, String domain)
    implements AdminEvent {}
