package org.mailledger.api.web;

import static org.mailledger.command.error.RuleViolationException.notFound;

import org.mailledger.api.security.DomainAccess;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.springframework.stereotype.Component;

/**
 * Turns what a URL names (a domain, a mailbox or alias address) into the aggregate it is, after
 * checking that the current admin may manage that domain: 403 before 404, so a domain admin learns
 * nothing of other domains.
 */
@Component
public class Addresses {

  private final Claims claims;
  private final DomainAccess access;

  public Addresses(Claims claims, DomainAccess access) {
    this.claims = claims;
    this.access = access;
  }

  public DomainClaim domain(String domain) {
    DomainName name = DomainName.of(domain);
    access.require(name.ascii());
    return claims
        .domainByName(name.ascii())
        .orElseThrow(() -> notFound("unknown-domain", "no domain " + name));
  }

  public AddressClaim mailbox(String address) {
    EmailAddress parsed = EmailAddress.parse(address);
    access.require(parsed.domain().ascii());
    return claims
        .address(parsed.toString())
        .filter(c -> c.kind() == ClaimKind.MAILBOX)
        .orElseThrow(() -> notFound("unknown-mailbox", "no mailbox " + parsed));
  }

  public AddressClaim alias(String address) {
    AliasAddress parsed = AliasAddress.parse(address);
    access.require(parsed.domain().ascii());
    return claims
        .address(parsed.toString())
        .filter(c -> c.kind() == ClaimKind.ALIAS)
        .orElseThrow(() -> notFound("unknown-alias", "no alias " + parsed));
  }
}
