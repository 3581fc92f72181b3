package org.mailledger.command.claim;

/** An alias domain as the claims know it: its name, and the hosted domain it delivers to. */
public record AliasDomainClaim(
    String aliasDomainId, String name, String targetDomainId, String targetName, boolean active) {}
