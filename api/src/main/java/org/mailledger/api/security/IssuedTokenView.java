package org.mailledger.api.security;

import java.time.Instant;

/**
 * The answer to {@code POST /tokens}, the only one that ever holds {@code token}, the secret to
 * send as {@code Authorization: Bearer <token>}.
 */
public record IssuedTokenView(
    String id, String admin, String description, Instant expiresAt, String token, long position) {}
