package org.mailledger.command.claim;

/** An alias that points at an address, and how. */
public record AliasReference(
    String aliasId, String aliasAddress, String targetAddress, ReferenceRole role) {}
