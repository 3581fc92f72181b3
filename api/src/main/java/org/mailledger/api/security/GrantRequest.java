package org.mailledger.api.security;

/** {@code POST /admins/{name}/domains}. */
public record GrantRequest(String domain) {}
