package org.mailledger.api.security;

/** {@code PUT /admins/{name}/password}. */
public record PasswordRequest(String password) {}
