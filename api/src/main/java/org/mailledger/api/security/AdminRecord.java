package org.mailledger.api.security;

import java.time.Instant;
import java.util.List;

/** An admin account as the authentication read model has it. */
public record AdminRecord(
    String adminId,
    String name,
    String role,
    String passwordHash,
    boolean active,
    Instant createdAt,
    List<String> domains) {}
