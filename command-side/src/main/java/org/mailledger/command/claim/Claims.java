package org.mailledger.command.claim;

import java.util.List;
import java.util.Optional;

/**
 * The set-wide rules: unique domain names and addresses, per-domain limits, and who points at whom.
 * Every method runs in the caller's transaction, the one that appends the command's events, so a
 * rule broken by a concurrent command rolls back both.
 */
public interface Claims {

  /** Takes a domain name; a {@code domain-exists} conflict when it is taken. */
  void claimDomain(String domainId, String name, DomainLimits limits);

  void changeDomainLimits(String domainId, DomainLimits limits);

  void setDomainActive(String domainId, boolean active);

  /** Frees a domain name; a {@code domain-not-empty} conflict while mailboxes or aliases remain. */
  void releaseDomain(String domainId);

  Optional<DomainClaim> domainById(String domainId);

  Optional<DomainClaim> domainByName(String name);

  /**
   * Takes an address in an active domain within that domain's limit for the kind; conflicts {@code
   * address-taken}, {@code domain-inactive}, {@code mailbox-limit-reached} or {@code
   * alias-limit-reached}, and {@code unknown-domain} when the domain does not exist.
   */
  void claimAddress(String address, ClaimKind kind, String ownerId, String domainId);

  /** Moves a mailbox to a new address in the same domain, and the aliases' references with it. */
  void moveAddress(String oldAddress, String newAddress);

  void releaseAddress(String address);

  Optional<AddressClaim> address(String address);

  List<AliasReference> referencesTo(String targetAddress);

  void addReference(String aliasId, String targetAddress, ReferenceRole role);

  void removeReference(String aliasId, String targetAddress, ReferenceRole role);

  void removeReferencesFrom(String aliasId);
}
