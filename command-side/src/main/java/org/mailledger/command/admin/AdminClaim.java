package org.mailledger.command.admin;

/** An admin name in use, and what the set-wide rules need to know about its account. */
public record AdminClaim(String adminId, String name, boolean superadmin, boolean active) {}
