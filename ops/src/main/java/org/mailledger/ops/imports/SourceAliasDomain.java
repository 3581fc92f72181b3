package org.mailledger.ops.imports;

/** PostfixAdmin's alias_domain row: mail to any address at aliasDomain goes to targetDomain. */
public record SourceAliasDomain(String aliasDomain, String targetDomain, boolean active) {}
