package org.mailledger.api.security;

/** {@code PATCH /admins/{name}}: {@code active} false disables the account and its tokens. */
public record ChangeAdminRequest(Boolean active) {}
