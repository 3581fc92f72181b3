package org.mailledger.command.claim;

/** An address in use, by a mailbox or an alias. */
public record AddressClaim(String address, ClaimKind kind, String ownerId, String domainId) {}
