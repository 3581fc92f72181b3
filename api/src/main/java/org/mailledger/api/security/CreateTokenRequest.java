package org.mailledger.api.security;

/**
 * {@code POST /tokens}: an expiry as an ISO-8601 instant or a lifetime in days (not both; neither
 * gives the default lifetime), and the admin it acts as (the caller when absent).
 */
public record CreateTokenRequest(
    String description, String expiresAt, Integer ttlDays, String admin) {}
