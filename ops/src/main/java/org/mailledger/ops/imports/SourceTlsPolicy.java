package org.mailledger.ops.imports;

/** MUM's tls_policies row: Postfix's smtp_tls_policy_maps entry for a destination domain. */
public record SourceTlsPolicy(
    String domain, String policy, String params, String description, boolean active) {}
