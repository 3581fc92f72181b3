package org.mailledger.schema.admin;

import org.axonframework.serialization.Revision;

/**
 * An admin account was created, active. {@code role} is {@code SUPERADMIN} or {@code DOMAIN_ADMIN};
 * {@code passwordHash} is a Spring Security encoded hash ({@code {bcrypt}$2a$...}), never the
 * password. Grants given at creation follow as {@link AdminDomainGrantedEvent}s.
 */
@Revision("1")
public record AdminCreatedEvent(String adminId, String name, String role, String passwordHash)
    implements AdminEvent {}
