package org.mailledger.api.read;

/** An outgoing TLS policy for a destination domain. */
public record TlsPolicyView(String domain, String policy, String params, String description) {}
