package org.mailledger.api.security;

import java.util.List;

/** {@code POST /admins}: plain strings, checked by the typed values they become. */
public record CreateAdminRequest(String name, String password, String role, List<String> domains) {}
